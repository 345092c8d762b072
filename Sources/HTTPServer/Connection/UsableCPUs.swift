#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CEpoll

/// How many cores this process may really run on, which decides the number of event loops.
/// The machine's core count is wrong twice over: under `taskset` (or a cpuset) the process is
/// pinned to fewer cores, and in a container a CPU quota (cgroup v2 `cpu.max`) allows fewer
/// cores' worth of time. More loops than usable cores only adds context switches and tail
/// latency: two loops pinned to one core measured p99 about 10× the single loop's.
enum UsableCPUs {
    static func count() -> Int {
        var usable = max(1, ProcessInfo.processInfo.activeProcessorCount)
        if let pinned = affinityCount() { usable = min(usable, pinned) }
        if let quota = cgroupQuota() { usable = min(usable, quota) }
        return max(1, usable)
    }

    /// Cores in this thread's affinity mask (`sched_getaffinity`), nil when it cannot be read.
    static func affinityCount() -> Int? {
        // 1,024 CPUs' worth of mask, glibc's cpu_set_t size.
        var mask = [UInt64](repeating: 0, count: 16)
        let status = mask.withUnsafeMutableBytes { cepoll_sched_getaffinity(0, UInt($0.count), $0.baseAddress) }
        guard status == 0 else { return nil }
        let bits = mask.reduce(0) { $0 + $1.nonzeroBitCount }
        return bits > 0 ? bits : nil
    }

    /// `cpu.max` of the process's cgroup ("max 100000" or "QUOTA PERIOD"), rounded up to whole
    /// cores; nil without a quota or without cgroup v2.
    static func cgroupQuota(path: String = "/sys/fs/cgroup/cpu.max") -> Int? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return parseCPUMax(String(decoding: data, as: UTF8.self))
    }

    static func parseCPUMax(_ text: String) -> Int? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0 else {
            return nil
        }
        return (quota + period - 1) / period
    }
}
