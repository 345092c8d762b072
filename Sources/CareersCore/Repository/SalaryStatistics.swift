/// Groups jobs by level (and role/currency) and summarises their annualised salaries. The
/// percentiles and the histogram are over each posting's midpoint; implausible figures are counted
/// but not used. Figures in different currencies are never summarised together: when the postings
/// have several currencies the groups are split by currency even if that was not asked (there are
/// no declared rates).
enum SalaryStatistics {
    private struct Group: Hashable {
        var level: JobLevel?
        var role: String?
        var currency: String?
    }

    static func compute(
        jobs: [Job], byRole: Bool, byCurrency: Bool, bucketWidth: Double = SalaryHistogram.defaultWidth,
        roles: (Job) -> [String]
    ) -> [SalaryStats] {
        var values: [Group: (mins: [Double], maxes: [Double], mids: [Double], excluded: Int)] = [:]
        var currencies = Set<String>()
        for job in jobs {
            if let currency = job.posting.salary?.currency { currencies.insert(currency) }
            if currencies.count > 1 { break }
        }
        let byCurrency = byCurrency || currencies.count > 1
        let range = SalaryHistogram.widthRange
        let bucketWidth = bucketWidth.isNaN ? SalaryHistogram.defaultWidth : min(max(bucketWidth, range.lowerBound), range.upperBound)
        for job in jobs {
            guard let salary = job.posting.salary else { continue }
            let roleIDs: [String?] = byRole ? roles(job).map { Optional($0) } : [nil]
            for role in roleIDs {
                let group = Group(level: job.posting.level, role: role, currency: byCurrency ? salary.currency : nil)
                var entry = values[group] ?? ([], [], [], 0)
                if salary.plausible {
                    entry.mins.append(salary.annualMin)
                    // An open-ended salary ("200K+") gives a minimum only: no maximum, its minimum as its middle.
                    if !salary.isOpenEnded { entry.maxes.append(salary.annualMax) }
                    entry.mids.append((salary.annualMin + salary.annualMax) / 2)
                } else {
                    entry.excluded += 1
                }
                values[group] = entry
            }
        }
        let levelOrder = JobLevel.allCases
        return values.map { group, entry in
            let mids = entry.mids.sorted()
            return SalaryStats(
                level: group.level, role: group.role, currency: group.currency, count: mids.count,
                min: entry.mins.min(), median: percentile(mids, 0.5), max: entry.maxes.max(), excludedImplausible: entry.excluded,
                percentiles: SalaryPercentiles(
                    p10: percentile(mids, 0.1), p25: percentile(mids, 0.25), p75: percentile(mids, 0.75), p90: percentile(mids, 0.9)),
                histogram: SalaryHistogram(sorted: mids, width: bucketWidth))
        }.sorted { lhs, rhs in
            let (a, b) = (lhs.level.flatMap(levelOrder.firstIndex) ?? levelOrder.count, rhs.level.flatMap(levelOrder.firstIndex) ?? levelOrder.count)
            if a != b { return a < b }
            if lhs.role != rhs.role { return (lhs.role ?? "") < (rhs.role ?? "") }
            return (lhs.currency ?? "") < (rhs.currency ?? "")
        }
    }

    static func median(_ values: [Double]) -> Double? {
        percentile(values.sorted(), 0.5)
    }

    /// The `fraction` quantile of sorted values, interpolating linearly between the two nearest
    /// ranks (Hyndman & Fan type 7, the default of R and NumPy): the 0.5 quantile is the usual
    /// median, the mean of the middle two for an even count.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let rank = Double(sorted.count - 1) * fraction
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (rank - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}

extension SalaryHistogram {
    /// Buckets `[from, from + width)` aligned to multiples of the width, from the lowest non-empty
    /// one to the highest, empty ones between included (a chart needs the gaps). When the figures
    /// span more than `maxBuckets` widths (a currency with large units, a tiny width), the width
    /// grows to the next 1-2-5 step that fits, and says so in `width`.
    init(sorted values: [Double], width requested: Double) {
        var width = requested
        if let low = values.first, let high = values.last {
            let steps = [1.0, 2.0, 5.0]
            var magnitude = 1.0
            while magnitude * 10 <= width { magnitude *= 10 }
            var step = steps.lastIndex { $0 * magnitude <= width } ?? 0
            while (high / width).rounded(.down) - (low / width).rounded(.down) >= Double(Self.maxBuckets) {
                step += 1
                if step == steps.count { (step, magnitude) = (0, magnitude * 10) }
                width = steps[step] * magnitude
            }
        }
        self.width = width
        var buckets: [SalaryBucket] = []
        if let low = values.first {
            let first = (low / width).rounded(.down)
            for value in values {
                let index = Int((value / width).rounded(.down) - first)
                while buckets.count <= index {
                    let from = (first + Double(buckets.count)) * width
                    buckets.append(SalaryBucket(from: from, to: from + width, count: 0))
                }
                buckets[index].count += 1
            }
        }
        self.buckets = buckets
    }
}
