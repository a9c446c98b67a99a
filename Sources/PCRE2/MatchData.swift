import CPCRE2

/// The scratch memory one thread needs to run matches: PCRE2 match data,
/// a match context carrying the limits, and a JIT stack.
///
/// A `MatchData` is not thread-safe; make one per thread and reuse it for
/// every `Pattern`. What a match found comes back as values
/// (`Range`, `Captures`); the match data itself is never read from outside:
///
///     let data = MatchData()
///     let hit = try pattern.firstMatch(in: bytes, with: data)
public final class MatchData {
    let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private(set) var pointer: OpaquePointer
    private(set) var pairCapacity: Int
    public let limits: MatchLimits

    public init(limits: MatchLimits = .default, capturePairs: Int = 16) {
        self.limits = limits
        guard let context = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2: out of memory creating a match context")
        }
        self.context = context
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, max(32 * 1024, limits.jitStackBytes), nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        pairCapacity = max(1, capturePairs)
        guard let data = pcre2_match_data_create_8(UInt32(pairCapacity), nil) else {
            fatalError("PCRE2: out of memory creating match data")
        }
        pointer = data
    }

    deinit {
        pcre2_match_data_free_8(pointer)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
    }

    /// Makes room for `pairs` offset pairs (the whole match plus groups).
    func reserve(pairs: Int) {
        guard pairs > pairCapacity else { return }
        guard let data = pcre2_match_data_create_8(UInt32(pairs), nil) else {
            fatalError("PCRE2: out of memory creating match data")
        }
        pcre2_match_data_free_8(pointer)
        pointer = data
        pairCapacity = pairs
    }

    /// The byte range of group `group` (0 is the whole match) from the last
    /// successful match, or nil when that group did not take part.
    func range(of group: Int) -> Range<Int>? {
        guard group >= 0, group < pairCapacity else { return nil }
        let ovector = pcre2_get_ovector_pointer_8(pointer)!
        // PCRE2_SIZE imports as Int: compare bit patterns, or PCRE2_UNSET reads as -1 and never equals UInt.max.
        let start = UInt(bitPattern: ovector[2 * group]), end = UInt(bitPattern: ovector[2 * group + 1])
        if start == pcre2Unset || end < start { return nil }
        return Int(start)..<Int(end)
    }
}

/// `PCRE2_UNSET` is `~(PCRE2_SIZE)0`, a macro Swift cannot import.
let pcre2Unset = UInt.max
