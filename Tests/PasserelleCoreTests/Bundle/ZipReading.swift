import Foundation
import ZIPFoundation

/// The files of a zip, by path, read by ZIPFoundation (the tests' independent reader); folders left out.
func unzippedFiles(_ archive: Archive) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for entry in archive where entry.type == .file {
        var data = Data()
        _ = try archive.extract(entry, consumer: { data.append($0) })
        files[entry.path] = data
    }
    return files
}
