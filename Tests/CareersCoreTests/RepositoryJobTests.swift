import CareersCore
import Foundation
import Testing

@Suite struct RepositoryJobTests {
    static let seeds = Repository.embedded()

    @Test func jobInThreeArticlesIsOneJobWithThreeSources() throws {
        let matches = Self.seeds.jobs.filter { $0.posting.title == "Data Engineer" && $0.posting.company == "murmuration" }
        #expect(matches.count == 1)
        #expect(matches.first?.sources.count == 3)
        #expect(Self.seeds.jobs.count == 14)
        #expect(Self.seeds.counts.postings == 21)
    }

    /// Ids come from content (FNV-1a 64 of the folded title|company|location), not from load order
    /// or a per-process seed: this literal must hold on every machine.
    @Test func jobIDsAreStableAndFromContent() throws {
        let id = try #require(Self.seeds.jobs.first { $0.posting.title == "Data Engineer" }?.id)
        #expect(id == "953cdab8e7eccd9a")
        let reversed = Repository(articles: Self.seeds.articles.reversed())
        #expect(reversed.jobs.map(\.id) == Self.seeds.jobs.map(\.id))
    }

    @Test func filtersOverIndexes() {
        let seniors = Self.seeds.searchJobs(JobFilter(level: .senior), sort: nil)
        #expect(seniors.count == 7)
        #expect(Self.seeds.searchJobs(JobFilter(remote: true), sort: nil).count == 4)
        #expect(Self.seeds.searchJobs(JobFilter(employmentType: .internship), sort: nil).count == 3)
        #expect(Self.seeds.searchJobs(JobFilter(company: "occam"), sort: .title).map(\.posting.title)
            == ["AI Engineer Intern, Agents", "Founding AI Engineer, Agents"])
        #expect(Self.seeds.searchJobs(JobFilter(location: "seattle"), sort: nil).count == 2)
        #expect(Self.seeds.searchJobs(JobFilter(query: "data scien"), sort: nil).map(\.posting.title) == ["Senior Data Scientist"])
        #expect(Self.seeds.searchJobs(JobFilter(role: "data engineer"), sort: nil).map(\.posting.title) == ["Data Engineer"])
        #expect(Self.seeds.searchJobs(JobFilter(currency: "eur"), sort: nil).isEmpty)
    }

    @Test func salaryFiltersAndSortsSkipImplausibleFigures() {
        let rich = Self.seeds.searchJobs(JobFilter(salaryMin: 180_000), sort: .salaryDesc)
        #expect(rich.map(\.posting.title) == [
            "Director, Data Platform Engineering", "Software Development Engineer Intern, Student Veteran Opportunity",
            "Cloud Consultant Intern, AWS Professional Services", "Founding AI Engineer, Agents", "Research Engineer",
        ])
        let sorted = Self.seeds.searchJobs(JobFilter(), sort: .salaryDesc)
        #expect(sorted.last?.posting.salary?.plausible == false)
        #expect(sorted.first?.posting.salary?.annualMax == 237_000)
        let cheap = Self.seeds.searchJobs(JobFilter(salaryMax: 70_000), sort: .salaryAsc)
        #expect(cheap.map(\.posting.title) == ["AI Engineer Intern, Agents", "Postdoctoral Research Associate - Detector and Data Acquisition System"])
    }

    @Test func paginationReportsTotal() {
        let page = Self.seeds.searchJobs(JobFilter(), sort: .title, offset: 10, limit: 3)
        #expect(page.total == 14)
        #expect(page.items.count == 3)
        #expect(page.items.map(\.id) == Array(Self.seeds.searchJobs(JobFilter(), sort: .title).dropFirst(10).prefix(3)).map(\.id))
        #expect(Self.seeds.searchJobs(JobFilter(), sort: nil, offset: 20, limit: 5).items.isEmpty)
    }

    @Test func salaryStatisticsExcludeImplausible() throws {
        let stats = Self.seeds.salaryStats(byRole: false, byCurrency: false, filter: JobFilter())
        let senior = try #require(stats.first { $0.level == .senior })
        #expect(senior.count == 6)
        #expect(senior.excludedImplausible == 1)
        #expect(senior.min == 78_000)
        #expect(senior.max == 180_000)
        #expect(stats.map(\.level) == [.entry, .mid, .senior, .executive])
    }

    /// The index-backed query must agree with a plain filter-and-sort over the same jobs.
    @Test func indexedSearchAgreesWithBruteForce() {
        var generator = SplitMix(seed: 7)
        let titles = ["Data Engineer", "Senior Data Scientist", "ML Engineer", "Analyst", "Lead Data Engineer"]
        let companies = ["Acme", "Globex", "Initech", "Umbrella"]
        let locations = ["Remote", "Berlin, Germany", "Hybrid - Paris", "Austin, TX"]
        let postings = (0..<400).map { index -> JobPosting in
            let salary = generator.next() % 5 == 0 ? nil : Salary.annual(
                currency: ["USD", "EUR"][Int(generator.next() % 2)], min: Double(50 + generator.next() % 100) * 1000,
                width: Double(generator.next() % 60) * 1000, implausible: generator.next() % 20 == 0)
            return JobPosting(
                title: titles[Int(generator.next() % 5)] + " \(index)", company: companies[Int(generator.next() % 4)],
                location: locations[Int(generator.next() % 4)], employmentTypes: [[.fullTime], [.contract], [.fullTime, .internship]][Int(generator.next() % 3)],
                level: JobLevel.allCases[Int(generator.next() % 4)], levelLabel: nil, salary: salary)
        }
        // Three articles, one undated, so that date sorts meet dated and undated jobs.
        let dates = ["2024-03-01", nil, "2023-11-20"]
        let repository = Repository(articles: dates.indices.map { part in
            Article(
                id: "synthetic-\(part)", fileName: "s\(part).txt", title: "S", published: dates[part],
                jobs: postings.indices.filter { $0 % 3 == part }.map { postings[$0] })
        })
        let filters = [
            JobFilter(level: .senior), JobFilter(remote: false, employmentType: .internship),
            JobFilter(company: "acme", salaryMin: 100_000), JobFilter(salaryMax: 90_000, currency: "EUR"), JobFilter(),
            JobFilter(query: "data", level: .mid),
        ]
        for filter in filters {
            for sort in [nil] + JobSort.allCases {
                let expected = bruteForce(repository.jobs, filter, sort)
                let page = repository.searchJobs(filter, sort: sort, offset: 3, limit: 7)
                #expect(page.total == expected.count, "\(filter) \(String(describing: sort))")
                let expectedIDs = expected.dropFirst(3).prefix(7).map { $0.id }
                #expect(page.items.map { $0.id } == expectedIDs, "\(filter) \(String(describing: sort))")
            }
        }
    }

    private func bruteForce(_ jobs: [Job], _ filter: JobFilter, _ sort: JobSort?) -> [Job] {
        let matching = jobs.filter { job in
            let posting = job.posting
            if let level = filter.level, posting.level != level { return false }
            if let remote = filter.remote, job.remote != remote { return false }
            if let type = filter.employmentType, !posting.employmentTypes.contains(type) { return false }
            if let company = filter.company, !(posting.company ?? "").lowercased().contains(company.lowercased()) { return false }
            if let query = filter.query, !posting.title.lowercased().contains(query) { return false }
            if let currency = filter.currency, posting.salary?.currency != currency { return false }
            if filter.salaryMin != nil || filter.salaryMax != nil {
                guard let salary = posting.salary, salary.plausible else { return false }
                // Amounts compare within one currency: the one asked for, else USD.
                if filter.currency == nil, salary.currency != JobFilter.defaultSalaryCurrency { return false }
                if let low = filter.salaryMin, salary.annualMax < low { return false }
                if let high = filter.salaryMax, salary.annualMin > high { return false }
            }
            return true
        }
        // Salary sorts group by currency (USD first, then alphabetically), then by amount.
        func key(_ job: Job) -> (Int, String, Double) {
            guard let salary = job.posting.salary, salary.plausible else { return (1, "", 0) }
            let group = salary.currency == JobFilter.defaultSalaryCurrency ? "" : salary.currency
            return (0, group, sort == .salaryAsc ? salary.annualMin : -salary.annualMax)
        }
        switch sort {
        case nil: return matching.sorted { $0.id < $1.id }
        case .title?: return matching.sorted { ($0.posting.title.lowercased(), $0.id) < ($1.posting.title.lowercased(), $1.id) }
        case .company?: return matching.sorted { (($0.posting.company ?? "").lowercased(), $0.id) < (($1.posting.company ?? "").lowercased(), $1.id) }
        case .dateDesc?, .dateAsc?:
            // Undated last, then by date in the asked direction, ties by id.
            return matching.sorted { lhs, rhs in
                let (a, b) = (lhs.firstSeen ?? "", rhs.firstSeen ?? "")
                if a.isEmpty != b.isEmpty { return b.isEmpty }
                if a != b { return (a > b) == (sort == .dateDesc) }
                return lhs.id < rhs.id
            }
        case .salaryAsc?, .salaryDesc?:
            return matching.sorted { (key($0).0, key($0).1, key($0).2, $0.id) < (key($1).0, key($1).1, key($1).2, $1.id) }
        }
    }

    /// Amounts in different currencies are not comparable: a salary sort lists USD by amount,
    /// then each other currency by amount, never EUR 100K between USD 120K and USD 90K.
    @Test func salarySortsGroupByCurrency() {
        let salaries: [(String, Double)] = [("EUR", 150_000), ("USD", 90_000), ("GBP", 70_000), ("USD", 120_000), ("EUR", 100_000)]
        let postings = salaries.enumerated().map { index, salary in
            JobPosting(
                title: "Job \(index)", company: "Acme", location: "Remote", employmentTypes: [.fullTime], level: .mid, levelLabel: nil,
                salary: Salary.annual(currency: salary.0, min: salary.1, width: 0, implausible: false))
        } + [JobPosting(title: "Unpaid", company: "Acme", location: "Remote", employmentTypes: [.fullTime], level: .mid, levelLabel: nil, salary: nil)]
        let repository = Repository(articles: [Article(id: "synthetic", fileName: "s.txt", title: "S", jobs: postings)])
        func order(_ sort: JobSort) -> [String] {
            repository.searchJobs(JobFilter(), sort: sort, offset: 0, limit: 10).items.map {
                $0.posting.salary.map { "\($0.currency) \(Int($0.annualMax))" } ?? "none"
            }
        }
        #expect(order(.salaryDesc) == ["USD 120000", "USD 90000", "EUR 150000", "EUR 100000", "GBP 70000", "none"])
        #expect(order(.salaryAsc) == ["USD 90000", "USD 120000", "EUR 100000", "EUR 150000", "GBP 70000", "none"])
    }

    @Test func loadReportsRejectedFilesAndKeepsTheRest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("careers-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(sampleArticle(body: "Required Skills\nData Scientist\n- Statistics.").utf8).write(to: directory.appendingPathComponent("good.txt"))
        try Data().write(to: directory.appendingPathComponent("empty.txt"))
        try Data([0x41, 0x0A, 0x00, 0x01]).write(to: directory.appendingPathComponent("binary.txt"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("notes.md"))
        let repository = Repository.load(directories: [directory], includeEmbedded: true)
        #expect(repository.counts.articles == 5)
        #expect(repository.counts.rejectedFiles == 2)
        let rejected = Dictionary(uniqueKeysWithValues: repository.report.rejected.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0) })
        #expect(rejected["empty.txt"]?.reason == "empty file")
        #expect(rejected["binary.txt"]?.line == 2)
        #expect(repository.article(id: "good")?.fileName == "good.txt")
        let missing = Repository.load(directories: [directory.appendingPathComponent("nope")], includeEmbedded: false)
        #expect(missing.counts.articles == 0 && missing.report.rejected.count == 1)
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Salary {
    static func annual(currency: String, min: Double, width: Double, implausible: Bool) -> Salary {
        let high = implausible ? min * 1_000_000 : min + width
        return Salary(currency: currency, min: min, max: high, period: .year, annualMin: min, annualMax: high, plausible: !implausible)
    }
}
