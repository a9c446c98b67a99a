#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor that yields given bytes: a pipe (written in full, then
/// closed, so reads return what is asked) or an unlinked temporary file.
///
///     let fd = try ByteSource.pipe(Array("a\n\f\nb".utf8))
///     defer { close(fd) }
enum ByteSource {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// A pipe holding `bytes` (which must fit the pipe's buffer, 64 KiB on Linux).
    static func pipe(_ bytes: [UInt8]) throws -> Int32 {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw Failure(description: "pipe: \(errno)") }
        try writeAll(ends[1], bytes)
        close(ends[1])
        return ends[0]
    }

    /// A temporary file holding `bytes`, opened for reading at offset 0 and already unlinked.
    static func file(_ bytes: [UInt8]) throws -> Int32 {
        var template = Array("/tmp/winnow-reader-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "mkstemp: \(errno)") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        try writeAll(fd, bytes)
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw Failure(description: "write: \(errno)") }
            offset += written
        }
    }
}
