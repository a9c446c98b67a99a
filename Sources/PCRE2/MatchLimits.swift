/// Resource limits for one match attempt, so that no pattern can hang its caller.
///
/// When a limit is hit, `Pattern.firstMatch` throws a `PCRE2Error` whose
/// `isResourceLimit` is true.
public struct MatchLimits: Sendable, Hashable {
    /// Calls of PCRE2's internal match function (backtracking steps).
    public var matchLimit: UInt32
    /// Backtracking depth (ignored by JIT matching, used by the interpreter).
    public var depthLimit: UInt32
    /// Heap for backtracking, in KiB.
    public var heapLimitKiB: UInt32
    /// Largest JIT stack, in bytes.
    public var jitStackBytes: Int

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000,
                heapLimitKiB: UInt32 = 20_000, jitStackBytes: Int = 1 << 20) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackBytes = jitStackBytes
    }

    public static let `default` = MatchLimits()
}
