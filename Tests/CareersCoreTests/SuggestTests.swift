@testable import CareersCore
import Testing

@Suite struct SuggestTests {
    static let seeds = Repository.embedded()

    /// Roles with aliases and companies with shared words, and jobs so that popularity differs.
    static let synthetic: Repository = {
        let titles = ["Machine Learning Engineer", "Data Scientist", "Data Engineer", "Deep Learning Engineer"]
        let jobs = [
            ("Data Engineer", "Databricks"), ("Senior Data Engineer", "Databricks"), ("Data Engineer", "Datadog"),
            ("Data Scientist", "Acme Data Labs"), ("Machine Learning Engineer", "Machine Works"),
        ].map {
            JobPosting(title: $0.0, company: $0.1, location: "Berlin", employmentTypes: [.fullTime], level: .mid, levelLabel: nil, salary: nil)
        }
        let article = Article(
            id: "a", fileName: "a.txt", title: "A", roles: titles,
            profiles: titles.map { RoleProfile(title: $0) }, jobs: jobs)
        return Repository(articles: [article])
    }()

    static let syntheticIndex = synthetic.makeSuggestIndex()
    static let seedsIndex = seeds.makeSuggestIndex()

    private func texts(_ query: String, _ types: Set<SuggestionType> = Set(SuggestionType.allCases), limit: Int = 10) -> [String] {
        Self.syntheticIndex.suggest(query, types: types, limit: limit).map(\.text)
    }

    /// Names starting with the query first, then names with a word starting with it; popularity
    /// (a role's jobs plus its articles, a company's jobs) orders each tier, then the text.
    @Test func exactPrefixBeforeWordPrefixPopularityBreaksTies() {
        let data = Self.syntheticIndex.suggest("data", types: Set(SuggestionType.allCases), limit: 10)
        #expect(data.map(\.tier) == [0, 0, 0, 0, 1])
        #expect(data.last?.text == "Acme Data Labs")
        for item in data {
            let expected = item.type == .role
                ? Self.synthetic.jobCount(ofRole: item.id) + (Self.synthetic.role(id: item.id)?.comparisons.count ?? 0)
                : Self.synthetic.jobs.filter { $0.posting.company == item.text }.count
            #expect(item.popularity == expected, "\(item.text)")
        }
        for (a, b) in zip(data, data.dropFirst()) where a.tier == b.tier {
            #expect(a.popularity > b.popularity || (a.popularity == b.popularity && a.text < b.text))
        }
        #expect(Set(data.prefix(4).map(\.text)) == ["Data Engineer", "Data Scientist", "Databricks", "Datadog"])
        let learning = Self.syntheticIndex.suggest("learning eng", types: [.role], limit: 10)
        #expect(Set(learning.map(\.text)) == ["Deep Learning Engineer", "Machine Learning Engineer"])
        #expect(learning.allSatisfy { $0.tier == 1 })
    }

    @Test func typosFindNamesAfterExactMatches() throws {
        let typo = try #require(Self.syntheticIndex.suggest("machne lerning", types: [.role], limit: 3).first)
        #expect(typo.text == "Machine Learning Engineer")
        #expect(typo.tier == 2)
        // A transposition is one typo.
        #expect(texts("dtaa sci", [.role]).first == "Data Scientist")
        // Words under 3 letters get no typo budget: "dt" matches nothing, "dta" is one typo away.
        #expect(texts("dt").isEmpty)
        #expect(Self.syntheticIndex.suggest("dta", types: [.role], limit: 10).allSatisfy { $0.tier == 2 })
        #expect(!texts("dta").isEmpty)
    }

    @Test func typesAndLimitAreHonoured() {
        #expect(Self.syntheticIndex.suggest("data", types: [.company], limit: 10).allSatisfy { $0.type == .company })
        #expect(Self.syntheticIndex.suggest("data", types: [.role], limit: 10).allSatisfy { $0.type == .role })
        #expect(texts("data", limit: 2).count == 2)
        #expect(texts("   ").isEmpty)
        #expect(texts("zzzzzzzz").isEmpty)
    }

    @Test func aliasesMatchButTheTitleIsShown() throws {
        let mle = try #require(Self.seedsIndex.suggest("mle", types: [.role], limit: 5).first)
        #expect(mle.id == "machine-learning-engineer")
        #expect(mle.text == "Machine Learning Engineer")
    }

    /// Listed skills and tools are suggested by name with their ids; popularity is the roles
    /// naming the entity plus the jobs whose titles do.
    @Test func skillsAndToolsAreSuggestedWithTheirPopularity() throws {
        for (type, entityType) in [(SuggestionType.skill, EntityType.skill), (.tool, .tool)] {
            let knowledge = Self.seeds.knowledge
            let entities = knowledge.list(entityType)
            #expect(!entities.isEmpty)
            for entity in entities.prefix(20) {
                let found = Self.seedsIndex.suggest(entity.name, types: [type], limit: 50)
                let item = try #require(found.first { $0.id == entity.id }, "\(entity.name)")
                #expect(item.type == type && item.text == entity.name && item.tier == 0)
                #expect(item.popularity == knowledge.roles(entityType, id: entity.id).count + knowledge.jobs(entityType, id: entity.id).count)
            }
        }
        #expect(Self.seedsIndex.suggest("pyth", types: [.skill, .tool], limit: 10).contains { $0.text.lowercased().hasPrefix("pyth") })
    }

    @Test func companyIdsAreSlugs() throws {
        let acme = try #require(Self.syntheticIndex.suggest("acme", types: [.company], limit: 1).first)
        #expect(acme.id == "acme-data-labs")
        #expect(acme.text == "Acme Data Labs")
    }

    @Test func prefixDistanceCountsTyposAgainstTheBestPrefix() {
        var (a, b, c) = ([Int](repeating: 0, count: 16), [Int](repeating: 0, count: 16), [Int](repeating: 0, count: 16))
        func distance(_ token: String, _ word: String, _ budget: Int) -> Int? {
            SuggestIndex.prefixDistance(Array(token.utf8), Array(word.utf8), budget: budget, &a, &b, &c)
        }
        #expect(distance("lern", "learning", 1) == 1)
        #expect(distance("learn", "learning", 1) == 0)
        #expect(distance("lraen", "learning", 2) == 2)
        #expect(distance("ingeneer", "engineer", 2) == 2)
        #expect(distance("xyz", "learning", 1) == nil)
        #expect(distance("ab", "b", 1) == 1)
    }
}
