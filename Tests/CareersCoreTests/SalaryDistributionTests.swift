import CareersCore
import Testing

@Suite struct SalaryDistributionTests {
    /// One mid-level USD posting per midpoint (min == max, so the midpoint is the figure).
    private func repository(_ figures: [Double], implausible: Int = 0, currency: String = "USD") -> Repository {
        let postings = figures.enumerated().map { index, figure in
            JobPosting(
                title: "Job \(index)", company: "Acme", location: "Berlin", employmentTypes: [.fullTime], level: .mid,
                levelLabel: nil, salary: Salary.annual(currency: currency, min: figure, width: 0, implausible: false))
        } + (0..<implausible).map { index in
            JobPosting(
                title: "Odd \(index)", company: "Acme", location: "Berlin", employmentTypes: [.fullTime], level: .mid,
                levelLabel: nil, salary: Salary.annual(currency: currency, min: 90_000, width: 0, implausible: true))
        }
        return Repository(articles: [Article(id: "a", fileName: "a.txt", title: "A", jobs: postings)])
    }

    /// Quantiles interpolate between neighbouring ranks (type 7): for 1…10 × 10,000 the 0.1
    /// quantile is 19,000, not a figure of the list.
    @Test func percentilesInterpolateBetweenRanks() throws {
        let stats = repository((1...10).map { Double($0) * 10_000 }, implausible: 2)
            .salaryStats(byRole: false, byCurrency: false, filter: JobFilter())
        let group = try #require(stats.first)
        #expect(group.count == 10)
        #expect(group.excludedImplausible == 2)
        #expect(group.median == 55_000)
        #expect(group.percentiles == SalaryPercentiles(p10: 19_000, p25: 32_500, p75: 77_500, p90: 91_000))
    }

    @Test func singlePostingIsEveryPercentile() throws {
        let group = try #require(repository([72_000]).salaryStats(byRole: false, byCurrency: false, filter: JobFilter()).first)
        #expect(group.percentiles == SalaryPercentiles(p10: 72_000, p25: 72_000, p75: 72_000, p90: 72_000))
        #expect(group.histogram.buckets == [SalaryBucket(from: 70_000, to: 80_000, count: 1)])
    }

    /// Buckets are aligned to the width and contiguous: the empty ones between figures are there.
    @Test func histogramBucketsAreAlignedAndContiguous() throws {
        let figures: [Double] = [61_000, 64_999, 65_000, 79_000, 80_000]
        let stats = repository(figures).salaryStats(byRole: false, byCurrency: false, filter: JobFilter(), bucketWidth: 5_000)
        let histogram = try #require(stats.first?.histogram)
        #expect(histogram.width == 5_000)
        #expect(histogram.buckets.map(\.from) == [60_000, 65_000, 70_000, 75_000, 80_000])
        #expect(histogram.buckets.map(\.count) == [2, 1, 0, 1, 1])
        #expect(histogram.buckets.allSatisfy { $0.to == $0.from + 5_000 })
        #expect(histogram.buckets.reduce(0) { $0 + $1.count } == figures.count)
    }

    /// A span of more than `maxBuckets` widths widens the buckets to the next 1-2-5 step that
    /// fits instead of answering thousands of buckets.
    @Test func histogramWidensWhenTooManyBuckets() throws {
        let stats = repository([10_000, 5_000_000], currency: "JPY")
            .salaryStats(byRole: false, byCurrency: false, filter: JobFilter(), bucketWidth: 1_000)
        let histogram = try #require(stats.first?.histogram)
        #expect(histogram.width == 50_000)
        #expect(histogram.buckets.count <= SalaryHistogram.maxBuckets)
        #expect(histogram.buckets.first?.from == 0 && histogram.buckets.last?.from == 5_000_000)
        #expect(histogram.buckets.reduce(0) { $0 + $1.count } == 2)
    }

    @Test func bucketWidthIsClampedToItsRange() throws {
        let repository = repository([50_000, 51_000])
        let tiny = try #require(repository.salaryStats(byRole: false, byCurrency: false, filter: JobFilter(), bucketWidth: 1).first)
        #expect(tiny.histogram.width == SalaryHistogram.widthRange.lowerBound)
        let nan = try #require(repository.salaryStats(byRole: false, byCurrency: false, filter: JobFilter(), bucketWidth: .nan).first)
        #expect(nan.histogram.width == SalaryHistogram.defaultWidth)
    }

    /// Every plausible posting of a group is in exactly one bucket, for every group of the seeds.
    @Test func seedHistogramsCountEveryPlausiblePosting() {
        for stats in Repository.embedded().salaryStats(byRole: true, byCurrency: true, filter: JobFilter()) {
            #expect(stats.histogram.buckets.reduce(0) { $0 + $1.count } == stats.count)
            if let p10 = stats.percentiles.p10, let p90 = stats.percentiles.p90, let median = stats.median, let low = stats.min, let high = stats.max {
                #expect(low <= p10 && p10 <= median && median <= p90 && p90 <= high)
            }
        }
    }
}
