import Foundation

/// Runs the built `projectyear` executable, as an operator would.
struct ExecutableRunner {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The executable beside the test bundle (both are products of `swift build --build-tests`).
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("projectyear")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/projectyear")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Starts the executable with extra environment variables; the caller waits or terminates it.
    static func start(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        return (process, output, errors)
    }

    /// Runs the executable to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Outcome {
        let (process, output, errors) = try start(arguments, environment: environment, input: input)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       errors: String(decoding: err, as: UTF8.self))
    }
}
