#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CedreReports
import Foundation
import Testing

@testable import cedre

/// The checked writer every output goes through (issue 13): a failed write is kept, named,
/// and turned into exit 74, never a trap or a signal.
@Suite struct OutputChannelTests {
    @Test func aFullDiskIsAnErrorNamingTheOutput() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let channel = OutputChannel(descriptor: descriptor, name: "standard output")
        channel.write("a notice\n")
        channel.write("another notice\n")
        #expect(throws: OutputError(output: "standard output", reason: "No space left on device")) { try channel.confirm() }
    }

    @Test func aClosedPipeIsAnErrorNotASignal() throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let channel = OutputChannel(descriptor: ends[1], name: "standard output")
        channel.write("a notice\n")
        #expect(throws: OutputError(output: "standard output", reason: "Broken pipe")) { try channel.confirm() }
    }

    @Test func everyByteReachesAWorkingOutput() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let channel = OutputChannel(descriptor: ends[1], name: "standard output")
        let text = String(repeating: "notice ", count: 1000)
        channel.write(text)
        close(ends[1])
        try channel.confirm()
        let read = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false).readDataToEndOfFile()
        #expect(String(decoding: read, as: UTF8.self) == text)
    }

    @Test func aFailureIsExit74WithOneSentence() {
        let failure = OutputError(output: "/srv/rapport.html", reason: "No space left on device")
        for language in ReportLanguage.allCases {
            #expect(ExitCodes.failure(for: failure, in: language)?.code == ExitCodes.outputFailed)
            #expect(!failure.message(language).contains("\n"))
        }
        #expect(failure.message(.en).hasPrefix("could not write to /srv/rapport.html (No space left on device);"))
        #expect(failure.message(.fr).hasPrefix("impossible d'écrire sur /srv/rapport.html (No space left on device)\u{202F};"))
    }

    @Test func aFileIsReplacedOnlyOnceWrittenInFull() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html").path
        try Output.write("first\n", toFile: file)
        try Output.write("second\n", toFile: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
        #expect(throws: PathError.self) { try Output.write("x", toFile: folder.appendingPathComponent("missing/report.html").path) }
    }
}
