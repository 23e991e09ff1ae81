import CFileTree
import Foundation

/// Reading a regular file whole, never through a final symbolic link and never waiting on a FIFO
/// or a device (`passerelle_read_file`: `O_NOFOLLOW | O_NONBLOCK`, judged by `fstat`). What the
/// content walk, the copies and the source line under a diagnostic all read with.
public enum RegularFile {
    /// The bytes of the regular file at `path`.
    public static func read(path: String) -> Result<Data, ReadError> {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        let status = passerelle_read_file(path, &bytes, &length)
        guard status == 0, let bytes else { return .failure(ReadError(code: status == 0 ? EIO : status)) }
        return .success(Data(bytesNoCopy: bytes, count: length, deallocator: .free))
    }

    /// Why a file could not be read.
    public struct ReadError: Error, Sendable {
        public let code: Int32
        public var message: String {
            switch code {
            case ELOOP: return "was replaced by a symbolic link while the build ran: nothing is read through it"
            case EISDIR: return "is a folder, not a file"
            case ENODEV: return "is not a regular file (a FIFO, a socket or a device): only regular files are read"
            default: return "cannot be read: \(String(cString: strerror(code)))"
            }
        }
    }
}
