#if canImport(Glibc)
import Glibc
#endif

/// Nanoseconds from the system's monotonic clock, for rule timings and budgets.
enum MonotonicClock {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
