import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells whether anything changed under some folders: inotify on Linux, else a comparison of
/// file names, sizes and modification times.
public final class ContentWatcher {
    private let folders: [URL]
    private var descriptor: Int32 = -1
    private var signature: [String: String] = [:]

    public init(folders: [URL]) {
        self.folders = folders
        start()
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// "inotify" or "polling".
    public var method: String { descriptor >= 0 ? "inotify" : "polling" }

    private func start() {
        #if canImport(Glibc)
        if descriptor >= 0 { close(descriptor) }
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0 {
            let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)
            for folder in allFolders() where inotify_add_watch(descriptor, folder.path, mask) < 0 {
                close(descriptor)
                descriptor = -1
                break
            }
        }
        #endif
        if descriptor < 0 { signature = scan() }
    }

    private func allFolders() -> [URL] {
        var result: [URL] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            result.append(folder)
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { result.append(url) }
            }
        }
        return result
    }

    private func scan() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
            while let url = enumerator?.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                result[url.path] = "\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)/\(values?.fileSize ?? 0)"
            }
        }
        return result
    }

    /// True when something changed since the last call; watches any new folders from then on.
    public func hasChanges() -> Bool {
        #if canImport(Glibc)
        if descriptor >= 0 {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var changed = false
            while read(descriptor, &buffer, buffer.count) > 0 { changed = true }
            if changed { start() }
            return changed
        }
        #endif
        let now = scan()
        defer { signature = now }
        return now != signature
    }
}
