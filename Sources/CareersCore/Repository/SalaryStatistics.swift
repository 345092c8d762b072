/// Groups jobs by level (and role/currency) and summarises their annualised salaries. The median
/// is over each posting's midpoint; implausible figures are counted but not used. Figures in
/// different currencies are never summarised together: when the postings have several currencies
/// the groups are split by currency even if that was not asked (there are no declared rates).
enum SalaryStatistics {
    private struct Group: Hashable {
        var level: JobLevel?
        var role: String?
        var currency: String?
    }

    static func compute(jobs: [Job], byRole: Bool, byCurrency: Bool, roles: (Job) -> [String]) -> [SalaryStats] {
        var values: [Group: (mins: [Double], maxes: [Double], mids: [Double], excluded: Int)] = [:]
        var currencies = Set<String>()
        for job in jobs {
            if let currency = job.posting.salary?.currency { currencies.insert(currency) }
            if currencies.count > 1 { break }
        }
        let byCurrency = byCurrency || currencies.count > 1
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
            SalaryStats(
                level: group.level, role: group.role, currency: group.currency, count: entry.mids.count,
                min: entry.mins.min(), median: median(entry.mids), max: entry.maxes.max(), excludedImplausible: entry.excluded)
        }.sorted { lhs, rhs in
            let (a, b) = (lhs.level.flatMap(levelOrder.firstIndex) ?? levelOrder.count, rhs.level.flatMap(levelOrder.firstIndex) ?? levelOrder.count)
            if a != b { return a < b }
            if lhs.role != rhs.role { return (lhs.role ?? "") < (rhs.role ?? "") }
            return (lhs.currency ?? "") < (rhs.currency ?? "")
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
