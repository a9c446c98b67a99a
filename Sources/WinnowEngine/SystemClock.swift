#if canImport(Glibc)
import Glibc
#endif

/// Clocks for rule timings (`--stats`) and rule budgets.
enum SystemClock {
    /// Wall time, from the system's monotonic clock.
    static func monotonic() -> UInt64 { read(CLOCK_MONOTONIC) }

    /// CPU time of the calling thread: what a budget counts, so that a thread
    /// waiting for a core (a loaded machine, a parallel test run) is not
    /// charged for the wait.
    static func threadCPU() -> UInt64 { read(CLOCK_THREAD_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
