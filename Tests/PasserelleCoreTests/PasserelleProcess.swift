import Foundation
import XCTest

/// Runs the built `passerelle` executable, as CI and editors do.
enum PasserelleProcess {
    static var executable: URL { Bundle.main.bundleURL.appendingPathComponent("passerelle") }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func start(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> Process {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("passerelle executable not found at \(executable.path)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1132000000"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        return process
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, in: folder, environment: environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
