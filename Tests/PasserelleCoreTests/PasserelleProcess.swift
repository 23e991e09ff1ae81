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
        // Missing, it is a failure, never a skip: `swift build` makes it beside the tests.
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ExecutableMissing(path: executable.path)
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

    struct ExecutableMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "passerelle executable not found at \(path): run `swift build` first" }
    }

    /// Runs the command; one still running after `timeout` seconds is killed (its status then
    /// says so), so that a build that waits for ever fails the test instead of hanging it.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:], timeout: Double = 300) throws -> Result {
        let process = try start(arguments, in: folder, environment: environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
