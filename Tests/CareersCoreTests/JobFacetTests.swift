import CareersCore
import Testing

@Suite struct JobFacetTests {
    static let seeds = Repository.embedded()

    /// A synthetic repository with every facet's values mixed, including company names that are
    /// word prefixes of others ("Acme" / "Acme Labs"), hybrid places and two currencies.
    static let synthetic: Repository = {
        var generator = SplitMix(seed: 11)
        let titles = ["Data Engineer", "Senior Data Scientist", "Machine Learning Engineer", "Analyst", "Lead Data Engineer"]
        let companies = ["Acme", "Acme Labs", "Globex", "Initech", nil]
        let locations = ["Remote", "Berlin, Germany", "Hybrid - Berlin", "Austin, TX", nil]
        let postings = (0..<600).map { index -> JobPosting in
            let salary = generator.next() % 5 == 0 ? nil : Salary.annual(
                currency: ["USD", "EUR"][Int(generator.next() % 2)], min: Double(50 + generator.next() % 100) * 1000,
                width: Double(generator.next() % 60) * 1000, implausible: generator.next() % 20 == 0)
            return JobPosting(
                title: titles[Int(generator.next() % 5)] + " \(index)", company: companies[Int(generator.next() % 5)],
                location: locations[Int(generator.next() % 5)],
                employmentTypes: [[.fullTime], [.contract], [.fullTime, .internship], []][Int(generator.next() % 4)],
                level: generator.next() % 7 == 0 ? nil : JobLevel.allCases[Int(generator.next() % 4)], levelLabel: nil, salary: salary)
        }
        let roles = ["Data Engineer", "Data Scientist", "Machine Learning Engineer"]
        return Repository(articles: [
            Article(id: "a", fileName: "a.txt", title: "A", roles: roles, profiles: roles.map { RoleProfile(title: $0) }, jobs: postings)
        ])
    }()

    private func applying(_ facet: JobFacet, _ value: String, to filter: JobFilter) -> JobFilter {
        var filter = filter
        switch facet {
        case .level: filter.level = JobLevel(rawValue: value)
        case .employmentType: filter.employmentType = EmploymentType(rawValue: value)
        case .workplace: filter.workplace = Workplace(rawValue: value)
        case .currency: filter.currency = value
        case .company: filter.company = value
        case .location: filter.location = value
        case .role: filter.role = value
        case .skill: filter.skill = value
        case .tool: filter.tool = value
        }
        return filter
    }

    /// The rule facets exist for: for every value, filtering by it returns exactly that many jobs.
    @Test(arguments: [
        JobFilter(), JobFilter(level: .senior), JobFilter(company: "acme"), JobFilter(remote: false, employmentType: .fullTime),
        JobFilter(location: "berlin", currency: "EUR"), JobFilter(salaryMin: 90_000), JobFilter(role: "data engineer", workplace: .hybrid),
        JobFilter(query: "data", level: .mid, salaryMax: 120_000, currency: "USD"),
    ])
    func everyValueCountsWhatItsFilterReturns(filter: JobFilter) {
        for repository in [Self.synthetic, Self.seeds] {
            for (facet, values) in repository.jobFacets(filter, facets: JobFacet.allCases, limit: 1000) {
                for value in values {
                    let total = repository.searchJobs(applying(facet, value.value, to: filter), sort: nil, offset: 0, limit: 0).total
                    #expect(total == value.count, "\(facet) \(value.value) under \(filter)")
                }
            }
        }
    }

    /// Skill and tool values are the listed entities job titles name (id, with the name as
    /// label); on the seeds each, and each under another skill or tool filter, counts exactly the
    /// jobs its filter returns, and the filter keeps only jobs naming the entity.
    @Test func everySkillAndToolValueCountsWhatItsFilterReturnsOnTheSeeds() throws {
        let seeds = Self.seeds
        let facets = seeds.jobFacets(JobFilter(), facets: [.skill, .tool], limit: 1000)
        for (facet, values) in facets {
            #expect(!values.isEmpty, "\(facet) has values on the seeds")
            let type: EntityType = facet == .skill ? .skill : .tool
            for value in values {
                let entity = try #require(seeds.knowledge.entity(type, id: value.value), "\(facet) \(value.value) is listed")
                #expect(value.label == entity.name)
                let found = seeds.searchJobs(applying(facet, value.value, to: JobFilter()), sort: nil)
                #expect(found.count == value.count, "\(facet) \(value.value)")
                #expect(Set(found.map(\.id)) == Set(seeds.knowledge.jobs(type, id: value.value)), "\(facet) \(value.value)")
                // By name too, and under the other dimension's filter (its own is lifted).
                #expect(seeds.searchJobs(applying(facet, entity.name, to: JobFilter()), sort: nil, offset: 0, limit: 0).total == value.count)
                let other: JobFacet = facet == .skill ? .tool : .skill
                let narrowed = applying(other, values.first?.value ?? "", to: applying(facet, value.value, to: JobFilter()))
                let counted = seeds.jobFacets(narrowed, facets: [facet], limit: 1000)[0].values
                for inner in counted {
                    let total = seeds.searchJobs(applying(facet, inner.value, to: narrowed), sort: nil, offset: 0, limit: 0).total
                    #expect(total == inner.count, "\(facet) \(inner.value) under \(narrowed)")
                }
            }
        }
    }

    @Test func skillOrToolNamingNoEntityKeepsNoJob() {
        #expect(Self.seeds.searchJobs(JobFilter(skill: "no such skill at all"), sort: nil).isEmpty)
        #expect(Self.seeds.searchJobs(JobFilter(tool: "no such tool at all"), sort: nil).isEmpty)
    }

    /// Faceted search lifts a dimension's own filter: with level=senior the level facet still
    /// lists every level, as if no level were chosen, while the other facets count seniors only.
    @Test func ownFilterIsLiftedOthersApply() {
        let all = Dictionary(uniqueKeysWithValues: Self.synthetic.jobFacets(JobFilter(), facets: [.level, .workplace], limit: 10).map { ($0.facet, $0.values) })
        let senior = Dictionary(uniqueKeysWithValues: Self.synthetic.jobFacets(JobFilter(level: .senior), facets: [.level, .workplace], limit: 10).map { ($0.facet, $0.values) })
        #expect(all[.level] == senior[.level])
        let seniors = Self.synthetic.searchJobs(JobFilter(level: .senior), sort: nil).count
        #expect(senior[.workplace]?.reduce(0) { $0 + $1.count } == seniors)
        #expect(Set(all[.workplace]?.map(\.value) ?? []) == ["remote", "hybrid", "onsite"])
    }

    @Test func valuesAreByCountThenValueAndLimited() {
        for (_, values) in Self.synthetic.jobFacets(JobFilter(), facets: JobFacet.allCases, limit: 3) {
            #expect(values.count <= 3)
            #expect(values.allSatisfy { $0.count > 0 })
            for (a, b) in zip(values, values.dropFirst()) {
                #expect(a.count > b.count || (a.count == b.count && a.value < b.value))
            }
        }
        // The top 3 are the first 3 of the full list.
        let full = Self.synthetic.jobFacets(JobFilter(), facets: [.company], limit: 100)[0].values
        #expect(Array(full.prefix(3)) == Self.synthetic.jobFacets(JobFilter(), facets: [.company], limit: 3)[0].values)
    }

    @Test func roleValuesAreIdsWithTitles() throws {
        let roles = Self.synthetic.jobFacets(JobFilter(), facets: [.role], limit: 10)[0].values
        let engineer = try #require(roles.first { $0.value == "data-engineer" })
        #expect(engineer.label == "Data Engineer")
    }

    /// "Acme" also matches "Acme Labs" (the company filter matches words by prefix), and its
    /// count says so; "Acme Labs" counts only itself.
    @Test func companyCountsFollowTheFiltersWordMatching() throws {
        let companies = Self.synthetic.jobFacets(JobFilter(), facets: [.company], limit: 10)[0].values
        let acme = try #require(companies.first { $0.value == "Acme" })
        let labs = try #require(companies.first { $0.value == "Acme Labs" })
        let onlyAcme = Self.synthetic.jobs.filter { $0.posting.company == "Acme" }.count
        #expect(acme.count == onlyAcme + labs.count)
    }

    @Test func workplaceFilterSelectsHybrid() {
        let hybrid = Self.synthetic.searchJobs(JobFilter(workplace: .hybrid), sort: nil)
        #expect(!hybrid.isEmpty)
        #expect(hybrid.allSatisfy { $0.workplace == .hybrid && !$0.remote })
        #expect(hybrid.count == Self.synthetic.jobs.filter { $0.workplace == .hybrid }.count)
    }
}
