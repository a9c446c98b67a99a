#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import WinnowEngine

/// The reader against a reference splitter, at every chunk size, so that every
/// line, CRLF and separator is split across reads somewhere.
@Suite struct DocumentReaderTests {
    static let formFeedInputs: [String] = [
        "",
        "one\ntwo",
        "one\ntwo\n",
        "one\n\u{0C}\ntwo\n",
        "one\r\n\u{0C}\r\ntwo\r\n\u{0C}\r\n",
        "\u{0C}\nfirst\n",
        "a\n\u{0C}\n\u{0C}\nb",
        "a\u{0C}\nb\n",                 // a form feed inside a line separates nothing
        "a\n\u{0C}b\n\u{0C}",           // nor one that starts a longer line; a final bare \f does
        "a\n\u{0C}\r",                  // \f\r at the very end
        "a\n\u{0C}\rb\n",
        "a\n\u{0C}\r\r\nb\n",
        "\u{0C}",
        "\u{0C}\n",
        "x\n\u{0C}\n",                  // trailing separator: one document, no empty one after it
        "Title\n\nBody é ü.\n\u{0C}\nNächste Seite\n\n\u{0C}\n\n",
        "\n\n\u{0C}\n\n",
    ]

    static let nulInputs: [String] = ["", "a", "a\0", "\0", "a\0b", "a\0\0b\0", "\0\0", "one\r\ntwo\0three\n", "é\0ü"]

    private func readAll(_ fd: Int32, _ separator: DocumentSeparator, chunkSize: Int) throws
        -> [DocumentReader.RawDocument]
    {
        let reader = DocumentReader(fileDescriptor: fd, name: "test", separator: separator, chunkSize: chunkSize)
        var documents: [DocumentReader.RawDocument] = []
        while let document = try reader.next() {
            documents.append(document)
            if documents.count > 10_000 { break }  // a reader that never ends must not hang the suite
        }
        #expect(try reader.next() == nil, "next() after the end must stay nil")
        return documents
    }

    private func check(_ input: [UInt8], _ separator: DocumentSeparator, chunkSizes: ClosedRange<Int>,
                       pipe: Bool) throws {
        let expected = ReferenceSplitter.split(input, separator)
        for chunkSize in chunkSizes {
            let fd = pipe ? try ByteSource.pipe(input) : try ByteSource.file(input)
            defer { close(fd) }
            let got = try readAll(fd, separator, chunkSize: chunkSize)
            let shown = String(reflecting: String(decoding: input, as: UTF8.self))
            #expect(got.map(\.bytes) == expected.map(\.bytes), "\(shown), chunk size \(chunkSize): documents")
            #expect(got.map(\.separator) == expected.map(\.separator), "\(shown), chunk size \(chunkSize): separators")
            #expect(got.map(\.index) == got.indices.map { $0 + 1 }, "indices count from 1")
            // Nothing is lost or invented: documents and separators put back together give the input.
            #expect(got.flatMap { $0.bytes + $0.separator } == input, "\(shown), chunk size \(chunkSize): lossless")
        }
    }

    @Test(arguments: formFeedInputs)
    func formFeedLinesAtEveryChunkSize(input: String) throws {
        let bytes = Array(input.utf8)
        try check(bytes, .formFeedLine, chunkSizes: 1...(bytes.count + 2), pipe: true)
    }

    @Test(arguments: nulInputs)
    func nulBytesAtEveryChunkSize(input: String) throws {
        let bytes = Array(input.utf8)
        try check(bytes, .nul, chunkSizes: 1...(bytes.count + 2), pipe: false)
    }

    @Test(arguments: ["", "a", "a\n\u{0C}\nb\0c\r\n", "no final newline"])
    func noSeparatorReadsOneDocument(input: String) throws {
        let bytes = Array(input.utf8)
        try check(bytes, .none, chunkSizes: 1...(bytes.count + 2), pipe: true)
    }

    @Test func anEmptyFileIsOneEmptyDocumentButEmptyStdinIsNone() throws {
        let file = try ByteSource.file([])
        defer { close(file) }
        #expect(try readAll(file, .none, chunkSize: 4).map(\.bytes) == [[]])
        let pipe = try ByteSource.pipe([])
        defer { close(pipe) }
        #expect(try readAll(pipe, .formFeedLine, chunkSize: 4).isEmpty)
    }

    @Test func expectedSplitsOfTheReferenceItself() {
        // Pin the reference down, so the comparison above cannot pass by both being wrong.
        let split = ReferenceSplitter.split(Array("a\r\n\u{0C}\r\nb\n\u{0C}\n".utf8), .formFeedLine)
        #expect(split.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a\r\n", "b\n"])
        #expect(split.map(\.separator) == [[0x0C, 0x0D, 0x0A], [0x0C, 0x0A]])
        #expect(ReferenceSplitter.split([], .formFeedLine).isEmpty)
        #expect(ReferenceSplitter.split(Array("x\u{0C}\ny".utf8), .formFeedLine).count == 1)
    }

    @Test(arguments: [DocumentSeparator.formFeedLine, .nul, .lineFeed])
    func randomInputsMatchTheReference(separator: DocumentSeparator) throws {
        // A fixed-seed generator, so a failure reproduces.
        var state: UInt64 = separator == .nul ? 0x9E37_79B9_7F4A_7C15 : 0xD1B5_4A32_D192_ED03
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let pieces: [[UInt8]] = [[0x61], [0x0A], [0x0C], [0x0D], [0], [0xC3, 0xA9], [0x0C, 0x0A], [0x0A, 0x0C]]
        for _ in 0..<150 {
            let input = (0..<(next() % 30)).flatMap { _ in pieces[next() % pieces.count] }
            try check(input, separator, chunkSizes: 1...5, pipe: true)
            try check(input, separator, chunkSizes: input.count...(input.count + 1), pipe: false)
        }
    }

    @Test func documentsManyReadsLongFromARegularFileMatchTheReference() throws {
        // Past four reads of one document, the reader sizes its buffer from the file's length.
        let pieces: [[UInt8]] = [Array("word ".utf8), [0x0A], [0x0C, 0x0A], [0x0D, 0x0A], [0xC3, 0xA9]]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20 {
            let input = (0..<(100 + next() % 200)).flatMap { _ in pieces[next() % 10 == 0 ? 2 : next() % pieces.count] }
            try check(input, .formFeedLine, chunkSizes: 1...6, pipe: false)
        }
    }

    @Test func manyLargeDocumentsThroughTheDefaultChunkSize() throws {
        // Documents of up to ~600 KB straddle the 256 KiB reads in every way.
        var input: [UInt8] = []
        var expected: [[UInt8]] = []
        for n in 0..<12 {
            let line = Array("Document \(n) says something long enough to fill space.\r\n".utf8)
            let document = Array((0..<(n * 997 % 11_000)).map { _ in line }.joined())
            expected.append(document)
            input += document + (n % 2 == 0 ? [0x0C, 0x0A] : [0x0C, 0x0D, 0x0A])
        }
        let fd = try ByteSource.file(input)
        defer { close(fd) }
        let got = try readAll(fd, .formFeedLine, chunkSize: 1 << 18)
        #expect(got.count == expected.count)
        #expect(got.map(\.bytes) == expected)
    }

    @Test func aReadFailureIsAReadErrorNamingTheSource() throws {
        let fd = open("/", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let reader = DocumentReader(fileDescriptor: fd, name: "some/dir", separator: .none)
        do {
            _ = try reader.next()
            Issue.record("reading a directory succeeded")
        } catch {
            #expect(error.source == "some/dir")
            #expect(error.reason == String(cString: strerror(EISDIR)))
            #expect(error.description == "some/dir: \(String(cString: strerror(EISDIR)))")
        }
    }
}
