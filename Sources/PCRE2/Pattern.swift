import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern over UTF-8 bytes, JIT-compiled the first time it
/// is matched (a run that never needs a pattern never pays for its JIT).
///
/// A `Pattern` is immutable and may be shared between threads; the per-thread
/// state lives in `MatchData`.
///
///     let regex = try Pattern(#"(?i)^advertisement$"#)
///     let data = MatchData()
///     let line: [UInt8] = Array("Advertisement".utf8)
///     let hit = try line.withUnsafeBufferPointer { try regex.firstMatch(in: $0, with: data) }
///     // hit == 0..<13
public final class Pattern: @unchecked Sendable {
    /// The pattern as it was given.
    public let pattern: String
    public let options: CompileOptions
    /// Whether JIT compilation succeeded (it can be unavailable on some CPUs);
    /// asking compiles it, as a first match would.
    public var isJITCompiled: Bool {
        prepareJIT()
        return jitResult.withLock { $0 }
    }
    /// 1 once JIT compilation has been tried: read on every match, so only the first one takes the lock.
    private let jitTried = Atomic<UInt8>(0)
    private let jitResult = Mutex(false)
    /// The number of capturing groups.
    public let captureCount: Int
    /// Named groups, in group-number order.
    public let namedGroups: [(name: String, index: Int)]

    /// Whether every match must start at the offset matching starts from
    /// (the pattern begins with `^` or `\A` in every branch).
    public let isAnchored: Bool
    /// The fewest characters a match can have.
    public let minLength: Int
    /// For an anchored pattern, the bytes a match can start with (32-byte
    /// bitmap), or nil when PCRE2 could not tell.
    private let firstBytes: [UInt8]?

    let code: OpaquePointer

    /// Compiles `pattern`; the JIT compilation waits for the first match.
    ///
    /// - Throws: `PCRE2Error` with PCRE2's message and the byte offset in
    ///   `pattern` where compilation failed.
    public init(_ pattern: String, options: CompileOptions = .unicode) throws(PCRE2Error) {
        self.pattern = pattern
        self.options = options
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled: OpaquePointer? = pattern.utf8.withContiguousStorageIfAvailable { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, options.rawValue, &errorCode, &errorOffset, nil)
        } ?? {
            let bytes = Array(pattern.utf8)
            return pcre2_compile_8(bytes, bytes.count, options.rawValue, &errorCode, &errorOffset, nil)
        }()
        guard let compiled else { throw PCRE2Error(code: errorCode, offset: Int(errorOffset)) }
        code = compiled

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        namedGroups = Pattern.readNameTable(compiled)

        var allOptions: UInt32 = 0, minimum: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_ALLOPTIONS), &allOptions)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_MINLENGTH), &minimum)
        isAnchored = allOptions & PCRE2_ANCHORED != 0
        minLength = Int(minimum)
        var bitmap: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
        firstBytes = bitmap.map { Array(UnsafeBufferPointer(start: $0, count: 32)) }
    }

    deinit { pcre2_code_free_8(code) }

    /// JIT-compiles the pattern if no match has yet. PCRE2 forbids compiling
    /// while another thread matches, so every match waits here until it is done.
    @inline(__always)
    private func prepareJIT() {
        if jitTried.load(ordering: .acquiring) == 0 { compileJIT() }
    }

    @inline(never)
    private func compileJIT() {
        jitResult.withLock { succeeded in
            guard jitTried.load(ordering: .relaxed) == 0 else { return }
            succeeded = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
            jitTried.store(1, ordering: .releasing)
        }
    }

    /// Finds the first match in `subject` at or after byte `start`.
    ///
    /// - Returns: the byte range of the whole match (`captures(in:from:with:)`
    ///   gives the groups too).
    /// - Throws: `PCRE2Error` when a resource limit stops the match (see
    ///   `PCRE2Error.isResourceLimit`). Invalid UTF-8 never throws: with
    ///   `.matchInvalidUTF` it simply never matches.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                           with data: MatchData) throws(PCRE2Error) -> Range<Int>? {
        data.reserve(pairs: captureCount + 1)
        // The checks PCRE2 would make first, without the cost of the call:
        // most lines fail an anchored pattern on their first byte.
        if subject.count - start < minLength { return nil }
        if isAnchored, let firstBytes, start < subject.count {
            let byte = Int(subject[start])
            if firstBytes[byte >> 3] & (1 << (byte & 7)) == 0 { return nil }
        }
        prepareJIT()
        // An empty subject has no base address; PCRE2 accepts any pointer with length 0.
        let base = subject.baseAddress ?? Pattern.emptySubject
        let rc = pcre2_match_8(code, base, subject.count, start, 0, data.pointer, data.context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error(code: rc) }
        return data.range(of: 0)
    }

    /// Every non-overlapping match in `subject`, left to right.
    public func allMatches(in subject: UnsafeBufferPointer<UInt8>,
                           with data: MatchData) throws(PCRE2Error) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var position = 0
        while position <= subject.count, let hit = try firstMatch(in: subject, from: position, with: data) {
            found.append(hit)
            position = nextStart(after: hit, in: subject)
        }
        return found
    }

    /// The first match at or after byte `start`, with every group's range.
    ///
    /// - Throws: `PCRE2Error` when a resource limit stops the match.
    public func captures(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                         with data: MatchData) throws(PCRE2Error) -> Captures? {
        guard try firstMatch(in: subject, from: start, with: data) != nil else { return nil }
        return Captures(groups: (0...captureCount).map { data.range(of: $0) })
    }

    /// Every non-overlapping match in `subject`, left to right, with its groups.
    public func allCaptures(in subject: UnsafeBufferPointer<UInt8>,
                            with data: MatchData) throws(PCRE2Error) -> [Captures] {
        var found: [Captures] = []
        var position = 0
        while position <= subject.count, let hit = try captures(in: subject, from: position, with: data) {
            found.append(hit)
            position = nextStart(after: hit.whole, in: subject)
        }
        return found
    }

    /// The group number of the named group `name`, if the pattern has one.
    public func group(named name: String) -> Int? {
        namedGroups.first { $0.name == name }?.index
    }

    /// Where the search for the next match starts: after `hit`, or one whole
    /// character further when `hit` is empty, so the same empty match is not found again.
    private func nextStart(after hit: Range<Int>, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        guard hit.isEmpty else { return hit.upperBound }
        var position = hit.upperBound + 1
        while position < subject.count, subject[position] & 0xC0 == 0x80 { position += 1 }
        return position
    }

    /// Convenience for tests and one-off checks: does `text` match anywhere?
    public func matches(_ text: String, with data: MatchData = MatchData()) throws(PCRE2Error) -> Bool {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> Bool in
            try firstMatch(in: buffer, with: data) != nil
        }
    }

    nonisolated(unsafe) private static let emptySubject: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    private static func readNameTable(_ code: OpaquePointer) -> [(name: String, index: Int)] {
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [] }
        var names: [(name: String, index: Int)] = []
        for entry in 0..<Int(count) {
            let row = table + entry * Int(entrySize)
            // Each entry: a 2-byte big-endian group number, then the NUL-terminated name.
            let index = Int(row[0]) << 8 | Int(row[1])
            names.append((String(cString: row + 2), index))
        }
        return names.sorted { $0.index < $1.index }
    }
}
