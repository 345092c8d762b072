import CareersCore
import Testing

@Suite struct ParserJobTests {
    static func jobs(_ block: String) throws -> [JobPosting] {
        try parseArticle(sampleArticle(body: "Required Skills\nData Scientist\n- Statistics.", jobs: block)).jobs
    }

    @Test func featuredJobBlocks() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            Data Engineer

            @ murmuration | Remote (anywhere in the U.S.)

            Full Time Mid-level / Intermediate USD 100K - 130K
            Featured Job 👀
            Senior Data Scientist

            @ murmuration | Remote (anywhere in the U.S.)

            Full Time Senior-level / Expert USD 120K - 150K

            Salary Insights
            View salary info for Data Scientist (global) Details
            Related articles
            """)
        #expect(jobs.map(\.title) == ["Data Engineer", "Senior Data Scientist"])
        #expect(jobs.first?.company == "murmuration")
        #expect(jobs.first?.location == "Remote (anywhere in the U.S.)")
        #expect(jobs.first?.salary?.min == 100_000)
        #expect(jobs.last?.salary?.max == 150_000)
    }

    @Test func gluedJobLines() throws {
        let jobs = try Self.jobs("""
            Data Engineer
            @ murmuration | Remote (anywhere in the U.S.)
            Full Time Mid-level / Intermediate USD 100K - 130KSenior Data Scientist
            @ murmuration | Remote
            Full Time Senior-level / Expert USD 45 - 60 per hourLead Analyst
            @ Acme | Berlin, Germany
            Contract Senior-level / ExpertJunior Analyst
            @ Acme | Paris
            Part Time Entry-level / Junior
            """)
        #expect(jobs.map(\.title) == ["Data Engineer", "Senior Data Scientist", "Lead Analyst", "Junior Analyst"])
        try #require(jobs.count == 4)
        #expect(jobs[0].salary?.max == 130_000)
        #expect(jobs[1].salary?.period == .hour)
        #expect(jobs[2].salary == nil)
        #expect(jobs[2].employmentTypes == [.contract])
        #expect(jobs[3].employmentTypes == [.partTime])
    }

    @Test func salariesInOtherCurrenciesHourlyAndNone() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            A
            @ X | Berlin
            Full Time Mid-level / Intermediate EUR 60K - 80K
            Featured Job 👀
            B
            @ X | London
            Full Time Mid-level / Intermediate GBP 50K - 70K
            Featured Job 👀
            C
            @ X | Toronto
            Full Time Mid-level / Intermediate CAD 90K - 110K
            Featured Job 👀
            D
            @ X | Zurich
            Full Time Mid-level / Intermediate CHF 120K - 140K
            Featured Job 👀
            E
            @ X | Austin
            Contract Mid-level / Intermediate USD 45 - 60 per hour
            Featured Job 👀
            F
            @ X | Austin
            Full Time Mid-level / Intermediate
            """)
        #expect(jobs.map { $0.salary?.currency } == ["EUR", "GBP", "CAD", "CHF", "USD", nil])
        try #require(jobs.count == 6)
        let hourly = try #require(jobs[4].salary)
        #expect(hourly.min == 45 && hourly.max == 60 && hourly.period == .hour)
        #expect(hourly.annualMin == 45 * Salary.hoursPerYear && hourly.annualMax == 60 * 2080)
        #expect(jobs[0].salary?.annualMax == 80_000)
    }

    @Test func employmentTypesSeveralPerPosting() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            Intern
            @ X | Seattle
            Full Time Internship Entry-level / Junior USD 85K - 185K
            Featured Job 👀
            Helper
            @ X | Seattle
            Part Time Contract Mid-level / Intermediate USD 20K - 30K
            """)
        try #require(jobs.count == 2)
        #expect(jobs[0].employmentTypes == [.fullTime, .internship])
        #expect(jobs[1].employmentTypes == [.partTime, .contract])
    }

    @Test func theFourLevels() throws {
        let labels = ["Entry-level / Junior", "Mid-level / Intermediate", "Senior-level / Expert", "Executive-level / Director"]
        let block = labels.enumerated().map { "Featured Job 👀\nJob \($0.offset)\n@ X | Y\nFull Time \($0.element) USD 100K - 120K" }
            .joined(separator: "\n")
        let jobs = try Self.jobs(block)
        #expect(jobs.map(\.level) == [.entry, .mid, .senior, .executive])
        #expect(jobs.map(\.levelLabel) == labels)
    }

    @Test func remoteAndHybridLocations() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            A
            @ X | Remote (anywhere in the U.S.)
            Full Time USD 100K - 120K
            Featured Job 👀
            B
            @ X | Hybrid - Berlin, Germany
            Full Time USD 100K - 120K
            Featured Job 👀
            C
            @ X | Upton, NY
            Full Time USD 100K - 120K
            """)
        let repository = Repository(articles: [try parseArticle(sampleArticle(body: "Required Skills\n- x", jobs: ""))])
        #expect(repository.jobs.isEmpty)
        let merged = Repository(articles: [Article(id: "a", fileName: "a.txt", title: "A", jobs: jobs)]).jobs
        let byTitle = Dictionary(uniqueKeysWithValues: merged.map { ($0.posting.title, $0) })
        #expect(byTitle["A"]?.remote == true && byTitle["A"]?.workplace == .remote)
        #expect(byTitle["B"]?.remote == false && byTitle["B"]?.workplace == .hybrid)
        #expect(byTitle["C"]?.workplace == .onsite)
    }

    @Test func implausibleFigureKeptButFlagged() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            Expert
            @ X | Galveston, TX
            Full Time Senior-level / Expert USD 1111111K - 1111111K
            """)
        let salary = try #require(jobs.first?.salary)
        #expect(salary.min == 1_111_111_000)
        #expect(salary.plausible == false)
    }

    @Test func jobListStopsAtSalaryInsights() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            A
            @ X | Y
            Full Time USD 100K - 120K
            Salary Insights
            B
            @ Z | W
            Related articles
            """)
        #expect(jobs.map(\.title) == ["A"])
    }

    /// "USD 200K+" is at least 200K with no upper figure: max nil, the annual bound the minimum,
    /// and a group of only such postings has no maximum in the statistics.
    @Test func openEndedSalary() throws {
        let jobs = try Self.jobs("""
            Featured Job 👀
            Staff Data Scientist

            @ Acme | Remote

            Full Time Senior-level / Expert USD 200K+
            Featured Job 👀
            Principal Data Scientist

            @ Beta | Remote

            Contract EUR 90K+ per year
            """)
        #expect(jobs.map { $0.salary?.min } == [200_000, 90_000])
        #expect(jobs.map { $0.salary?.max } == [nil, nil])
        #expect(jobs.allSatisfy { $0.salary?.isOpenEnded == true && $0.salary?.plausible == true })
        #expect(jobs.first?.salary?.annualMax == 200_000)
        #expect(jobs.last?.salary?.period == .year)
        let article = try parseArticle(sampleArticle(body: "Required Skills\nData Scientist\n- Statistics.", jobs: """
            Featured Job 👀
            Staff Data Scientist

            @ Acme | Remote

            Full Time Senior-level / Expert USD 200K+
            """))
        let stats = Repository(articles: [article]).salaryStats(byRole: false, byCurrency: false, filter: JobFilter())
        #expect(stats.first?.min == 200_000)
        #expect(stats.first?.max == nil)
    }

    /// Postings with several employment types joined by "/", "&" or "or", and none with no level line.
    @Test(arguments: ["Full Time / Contract USD 100K - 120K", "Full-time & Contract USD 100K - 120K", "Full Time or Contract USD 100K - 120K"])
    func severalEmploymentTypesWithoutLevel(meta: String) throws {
        let jobs = try Self.jobs("Featured Job 👀\nData Engineer\n\n@ Acme | Remote\n\n" + meta)
        #expect(jobs.first?.employmentTypes == [.fullTime, .contract])
        #expect(jobs.first?.level == nil)
        #expect(jobs.first?.salary?.max == 120_000)
    }
}
