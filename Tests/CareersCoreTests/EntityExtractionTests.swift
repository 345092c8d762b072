import CareersCore
import Testing

/// A repository of one article about one role, whose skill sentences and tools are given.
private func repository(skills: [String] = [], tools: [ToolItem] = [], industries: [String] = []) -> Repository {
    let profile = RoleProfile(
        title: "Data Scientist", skills: skills.map { ListItem(text: $0, sources: ["a"]) },
        tools: tools.map { ToolItem(name: $0.name, category: $0.category, sources: ["a"]) },
        industries: industries.map { ListItem(text: $0, sources: ["a"]) })
    let article = Article(id: "a", fileName: "a.txt", title: "Data Scientist vs. Data Engineer", roles: ["Data Scientist"], profiles: [profile])
    return Repository(articles: [article])
}

/// The ids each sentence gains, in order.
private func entities(_ sentence: String, tools: [String] = []) -> [String] {
    repository(skills: [sentence], tools: tools.map { ToolItem(name: $0) }).roles.first?.skills.first?.entities ?? []
}

@Suite struct EntityExtractionTests {
    /// (sentence, ids it must name, ids it must not name).
    static let table: [(String, [String], [String])] = [
        // Folding: case, accents, punctuation, plurals.
        ("Experience with SCIKIT-LEARN and scikit learn", ["scikit-learn"], []),
        ("Familiarity with CNNs and GANs", ["convolutional-neural-networks", "generative-adversarial-networks"], []),
        ("Build data pipelines and a data pipeline", ["data-pipelines"], []),
        ("Maîtrise de PYTHÖN et de Scîkit-Léarn", ["python", "scikit-learn"], []),
        ("Understanding of database management systems", ["database-management"], []),
        ("Knowledge of Statistics and statistical analysis", ["statistics"], []),
        // Symbols that are part of names.
        ("Programming in C++, C# and .NET", ["cpp", "csharp", "net"], ["c"]),
        // Never a part of a word.
        ("Experience with Rust and R&D budgets", ["rust"], ["r"]),
        ("Strong programming skills in Python, R, or Java", ["programming", "python", "r", "java"], []),
        // Words that are also names match only as spelled and not as a sentence's first word.
        ("Go beyond the basics and go further", [], ["go"]),
        ("Services written in Go and Python", ["go", "python"], []),
        // Vendor prefixes and aliases: one entity.
        ("Familiarity with Spark and Apache Spark", ["apache-spark"], []),
        ("Use Azure ML and Azure Machine Learning on Azure", ["azure-machine-learning", "microsoft-azure"], []),
        // Longest name wins.
        ("Machine learning algorithms in production", ["machine-learning-algorithms"], ["machine-learning"]),
        // Names never span a comma.
        ("Data, science and more", [], ["data-science"]),
    ]

    @Test(arguments: table) func sentenceNamesItsEntities(_ row: (String, [String], [String])) {
        let found = entities(row.0)
        for id in row.1 { #expect(found.contains(id), "\(row.0) should name \(id): \(found)") }
        for id in row.2 { #expect(!found.contains(id), "\(row.0) should not name \(id): \(found)") }
        #expect(found.count == Set(found).count)
    }

    @Test func enumerationsNameEntitiesTheVocabularyLacks() {
        #expect(entities("Frameworks such as Zorblax, Quuxly, or Frobnitz Pro") == ["zorblax", "quuxly", "frobnitz-pro"])
        #expect(entities("Frameworks (e.g., Zorblax, Quuxly).") == ["zorblax", "quuxly"])
        #expect(entities("Tools including Zorblax and Quuxly") == ["zorblax", "quuxly"])
    }

    @Test func enumeratedItemsWrittenInLowerCaseAreNotNames() {
        #expect(entities("Techniques such as zorblaxing and quuxing") == [])
    }

    @Test func enumeratedItemsCoveredByAKnownNameAddNothing() {
        #expect(entities("Languages such as Python 3") == ["python"])
    }

    @Test func toolLineNamesAreFoundInSentences() {
        #expect(entities("Experience with Frobnicator daily", tools: ["Frobnicator"]) == ["frobnicator"])
    }

    @Test func articleTextsGetTheIDsTheRolesSentencesGet() throws {
        let repo = repository(skills: ["Strong programming skills in Python, R, or Java."], industries: ["Finance and Banking"])
        #expect(repo.knowledge.entityIDs(in: "Strong programming skills in Python, R, or Java.") == ["programming", "python", "r", "java"])
        #expect(repo.knowledge.entityIDs(in: "A sentence never seen, about Spark.") == ["apache-spark"])
        #expect(repo.knowledge.entityIDs(in: "Finance and Banking", industry: true) == ["finance"])
        #expect(repo.knowledge.entityIDs(of: ListItem(label: "Leadership", text: "Mentor the team in Python")) == ["leadership", "python"])
    }

    @Test func sentencesKeepTheirText() throws {
        let text = "Strong programming skills in Python, R, or Java."
        let item = try #require(repository(skills: [text]).roles.first?.skills.first)
        #expect(item.text == text)
    }

    @Test func toolsTakeTheEntityNameInRolesAndKeepTheirSpellingInArticles() throws {
        let repo = repository(tools: [ToolItem(name: "Spark"), ToolItem(name: "Azure ML")])
        let role = try #require(repo.roles.first)
        #expect(role.tools.map(\.name) == ["Apache Spark", "Azure Machine Learning"])
        #expect(role.tools.map(\.id) == ["apache-spark", "azure-machine-learning"])
        let written = try #require(repo.articles.first?.profiles.first?.tools)
        #expect(written.map(\.name) == ["Spark", "Azure ML"])
        #expect(written.map { repo.knowledge.toolID(named: $0.name) } == ["apache-spark", "azure-machine-learning"])
    }

    @Test func twoSpellingsOfOneToolBecomeOneItem() throws {
        let role = try #require(repository(tools: [ToolItem(name: "AWS SageMaker"), ToolItem(name: "Amazon SageMaker")]).roles.first)
        #expect(role.tools.map(\.id) == ["amazon-sagemaker"])
    }

    @Test func industriesMatchOutsideTheirAsides() throws {
        let repo = repository(industries: ["Finance and Banking", "Healthcare (robotics, e-commerce)", "Quantum Widgets"])
        let role = try #require(repo.roles.first)
        // A corpus-only name's id is the slug of its folded (singular) form: no spelling moves it.
        #expect(role.industries.map(\.entities) == [["finance"], ["healthcare"], ["quantum-widget"]])
        #expect(role.entities.industries.map(\.id) == ["finance", "healthcare", "quantum-widget"])
        #expect(repo.knowledge.entity(.industry, id: "quantum-widget")?.name == "Quantum Widgets")
    }

    @Test func roleEntitiesKeepTheirSources() throws {
        let role = try #require(repository(skills: ["Python and Java"]).roles.first)
        #expect(role.entities.skills.map(\.id) == ["python", "java"])
        #expect(role.entities.skills.allSatisfy { $0.sources == ["a"] })
    }

    @Test func namesResolveByIdNameAliasOrFoldedSpelling() {
        let knowledge = repository(tools: [ToolItem(name: "Apache Spark")]).knowledge
        for text in ["apache-spark", "Apache Spark", "spark", "SPARK", "pyspark"] {
            #expect(knowledge.resolve(.tool, text)?.id == "apache-spark", "\(text)")
        }
        #expect(knowledge.resolve(.tool, "sparkle") == nil)
        #expect(knowledge.suggest(.tool, "aparche spark") == ["apache-spark"])
    }

    @Test func seedsToolsHaveOneNamePerEntity() {
        let repo = Repository.embedded()
        var names: [String: Set<String>] = [:]
        for role in repo.roles { for tool in role.tools { names[tool.id ?? "", default: []].insert(tool.name) } }
        #expect(names["azure-machine-learning"] == ["Azure Machine Learning"])
        #expect(names["apache-spark"] == ["Apache Spark"])
        #expect(names[""] == nil)
        #expect(names.values.allSatisfy { $0.count == 1 })
    }
}

@Suite struct VocabularyTests {
    static let header = "@source X: a source\n"

    @Test func embeddedVocabularyParses() throws {
        let vocabulary = try Vocabulary.loadEmbedded()
        #expect(vocabulary.terms.count >= 200)
        #expect(vocabulary.terms.allSatisfy { !$0.sources.isEmpty && !$0.description.isEmpty })
    }

    @Test func aWellFormedLineIsATerm() throws {
        let text = Self.header + "# comment\n\ntool | language | Go | Golang | exact | X | A language\n"
        let vocabulary = try Vocabulary.parse(bytes: Array(text.utf8), file: "v.psv")
        #expect(vocabulary.terms.count == 1)
        #expect(vocabulary.terms.first?.aliases == ["Golang"])
        #expect(vocabulary.terms.first?.exact == true)
    }

    @Test func crlfLineEndsReadAsLineEnds() throws {
        let text = Self.header + "# comment\n\ntool | language | Go | Golang | exact | X | A language\n"
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let vocabulary = try Vocabulary.parse(bytes: Array(crlf.utf8), file: "v.psv")
        #expect(vocabulary.terms == (try Vocabulary.parse(bytes: Array(text.utf8), file: "v.psv")).terms)
        #expect(vocabulary.terms.first?.description == "A language")
    }

    @Test func listsAreTrimmedAndDropEmptyItems() throws {
        let text = "@source X: one\n@source  Y :  two \n\ttool|language|  Go\t| Golang ;; go lang ; |exact| X , ,Y, | A language  \n"
        let vocabulary = try Vocabulary.parse(bytes: Array(text.utf8), file: "v.psv")
        #expect(vocabulary.sources == ["X": "one", "Y": "two"])
        let term = try #require(vocabulary.terms.first)
        #expect(term.name == "Go")
        #expect(term.aliases == ["Golang", "go lang"])
        #expect(term.sources == ["X", "Y"])
        #expect(term.description == "A language")
    }

    @Test func aFileThatIsNotUTF8IsAnError() {
        let bytes = Array((Self.header + "tool | language | Caf").utf8) + [0xE9] + Array(" | | | X | d\n".utf8)
        #expect(throws: VocabularyError(file: "v.psv", line: 0, reason: "not UTF-8")) {
            try Vocabulary.parse(bytes: bytes, file: "v.psv")
        }
    }

    static let malformed: [(String, String)] = [
        ("tool | language | Go | | | X", "expected 7 fields"),
        ("gadget | language | Go | | | X | d", "unknown type"),
        ("tool | Language | Go | | | X | d", "kind"),
        ("tool | language |  | | | X | d", "empty name"),
        ("tool | language | Go | | fuzzy | X | d", "match"),
        ("tool | language | Go | | | Y | d", "source 'Y'"),
        ("tool | language | Go | | |  | d", "sources"),
        ("tool | language | Go | | | X | ", "description"),
        ("@source nonsense", "@source"),
    ]

    @Test(arguments: malformed) func aMalformedLineNamesFileAndLine(_ row: (String, String)) {
        let text = Self.header + "tool | language | Python | | | X | A language\n" + row.0 + "\n"
        #expect(throws: VocabularyError.self) { try Vocabulary.parse(bytes: Array(text.utf8), file: "v.psv") }
        do {
            _ = try Vocabulary.parse(bytes: Array(text.utf8), file: "v.psv")
        } catch {
            #expect(error.file == "v.psv")
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("v.psv:3: "))
            #expect(error.reason.contains(row.1), "\(error.reason)")
        }
    }

    @Test func aTermDefinedTwiceIsAnError() {
        let text = Self.header + "tool | language | Python | | | X | d\ntool | language | python | | | X | d\n"
        #expect(throws: VocabularyError(file: "v.psv", line: 3, reason: "'python' is already defined on line 2")) {
            try Vocabulary.parse(bytes: Array(text.utf8), file: "v.psv")
        }
    }
}
