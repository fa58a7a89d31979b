import Foundation
import Testing
import TriageSupport

struct FileDescriptorWriterTests {
    @Test func writesEveryByte() throws {
        let path = NSTemporaryDirectory() + "fd-writer-\(UUID().uuidString)"
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let data = Data((0..<3_000_000).map { UInt8($0 % 251) })
        #expect(FileDescriptorWriter.writeAll(data, to: descriptor) == nil)
        close(descriptor)
        #expect(FileManager.default.contents(atPath: path) == data)
    }

    @Test func reportsTheErrorOfAFailedWrite() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(FileDescriptorWriter.writeAll(Data("late".utf8), to: descriptor) == ENOSPC)
        #expect(FileDescriptorWriter.writeAll(Data("late".utf8), to: -1) == EBADF)
    }
}
