/// The entity model of a repository: every skill, tool and industry the articles name, with the
/// roles and jobs that name each. Built once per load (`KnowledgeBuilder`), then read-only.
public final class Knowledge: Sendable {
    /// Skills and tools (one name space), sorted by id.
    public let entities: [Entity]
    /// Industries, sorted by id.
    public let industries: [Entity]
    private let positions: [String: Int]
    private let industryPositions: [String: Int]
    /// Folded name or alias key → position.
    private let keys: [String: Int]
    private let industryKeys: [String: Int]
    private let roleMentions: [[EntityRoleMention]]
    private let industryRoleMentions: [[EntityRoleMention]]
    private let jobMentions: [[String]]
    private let industryJobMentions: [[String]]

    struct Space {
        var entities: [Entity]
        var keys: [String: Int]
        var roleMentions: [[EntityRoleMention]]
        var jobMentions: [[String]]
    }

    /// What answers for texts the build did not annotate (articles' sentences and tools).
    struct Texts: Sendable {
        var skillMatcher: EntityMatcher
        var industryMatcher: EntityMatcher
        /// Ids by matcher entity.
        var skillIDs: [String]
        var industryIDs: [String]
        var skillIDsByText: [String: [String]]
        var industryIDsByText: [String: [String]]
        /// Tool name as written → id.
        var toolIDs: [String: String]
    }

    private let texts: Texts

    init(skills: Space, industries: Space, texts: Texts) {
        self.texts = texts
        entities = skills.entities
        self.industries = industries.entities
        positions = Dictionary(skills.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        industryPositions = Dictionary(industries.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        keys = skills.keys
        industryKeys = industries.keys
        roleMentions = skills.roleMentions
        industryRoleMentions = industries.roleMentions
        jobMentions = skills.jobMentions
        industryJobMentions = industries.jobMentions
    }

    private func space(_ type: EntityType) -> (entities: [Entity], positions: [String: Int], keys: [String: Int]) {
        type == .industry ? (industries, industryPositions, industryKeys) : (entities, positions, keys)
    }

    /// Whether an entity is listed under its type's resource: tools named on a tool line,
    /// skills named in a sentence, industries named in an industry list.
    private func listed(_ entity: Entity, as type: EntityType) -> Bool {
        switch type {
        case .tool: entity.isTool
        case .skill: entity.isSkill
        case .industry: true
        }
    }

    /// The entities `/tools`, `/skills` or `/industries` list, sorted by id.
    public func list(_ type: EntityType) -> [Entity] {
        space(type).entities.filter { listed($0, as: type) }
    }

    /// Listed entities matching every given filter, by id: `query` is contained in the id, name
    /// or an alias (folded), `category` equals the category or kind (folded), `role` names it in
    /// the section of the type.
    public func search(_ type: EntityType, query: String?, category: String?, role: Role?) -> [Entity] {
        var matches = list(type)
        if let category {
            let key = TextKey.fold(category)
            matches = matches.filter { entity in
                [entity.category, entity.kind].contains { $0.map { TextKey.fold($0) == key } ?? false }
            }
        }
        if let role {
            let section: EntitySection = type == .industry ? .industries : type == .tool ? .tools : .skills
            let ids = Set(role.entities[section].map(\.id))
            matches = matches.filter { ids.contains($0.id) }
        }
        if let query {
            let key = TextKey.fold(query)
            matches = matches.filter { entity in
                ([entity.id, entity.name] + entity.aliases).contains { TextKey.contains(TextKey.fold($0), key) }
            }
        }
        return matches
    }

    /// A listed entity by id.
    public func entity(_ type: EntityType, id: String) -> Entity? {
        let space = space(type)
        guard let position = space.positions[id], listed(space.entities[position], as: type) else { return nil }
        return space.entities[position]
    }

    /// An entity by id, name or alias (folded: case, accents, plurals, punctuation), or by a
    /// vendor-less name ("Spark" for "Apache Spark"). Vocabulary terms no article names resolve
    /// too: asking for them is a fair question with an empty answer.
    public func resolve(_ type: EntityType, _ text: String) -> Entity? {
        let space = space(type)
        if let position = space.positions[text] { return space.entities[position] }
        let key = TermKey.key(text)
        guard !key.isEmpty else { return nil }
        if let position = space.keys[key] ?? space.keys[KnowledgeBuilder.withoutVendor(key)] { return space.entities[position] }
        return nil
    }

    /// Ids of listed entities whose names are closest to an unknown one, best first: names that
    /// start with it, contain it, then the fewest edits.
    public func suggest(_ type: EntityType, _ text: String, limit: Int = 3) -> [String] {
        let key = TermKey.key(text)
        guard !key.isEmpty else { return [] }
        var scored: [(score: Int, id: String)] = []
        for entity in list(type) {
            var best = Int.max
            for name in [entity.name] + entity.aliases {
                let candidate = TermKey.key(name)
                let score: Int
                if candidate.hasPrefix(key) {
                    score = 0
                } else if candidate.contains(key) {
                    score = 1
                } else {
                    let distance = Self.editDistance(Array(key.utf8), Array(candidate.utf8), limit: 3)
                    guard distance <= max(1, min(3, key.utf8.count / 3)) else { continue }
                    score = 1 + distance
                }
                best = min(best, score)
            }
            if best != .max { scored.append((best, entity.id)) }
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }.prefix(limit).map(\.id)
    }

    /// Roles that name a listed entity, by role id.
    public func roles(_ type: EntityType, id: String) -> [EntityRoleMention] {
        let space = space(type)
        guard let position = space.positions[id] else { return [] }
        return type == .industry ? industryRoleMentions[position] : roleMentions[position]
    }

    /// Ids of the jobs whose titles name the entity, sorted.
    public func jobs(_ type: EntityType, id: String) -> [String] {
        let space = space(type)
        guard let position = space.positions[id] else { return [] }
        return type == .industry ? industryJobMentions[position] : jobMentions[position]
    }

    /// The ids of the entities a text names, in order of first mention: skills and tools, or
    /// industries (outside parenthesised asides). The same matcher as the roles' sentences.
    public func entityIDs(in text: String, industry: Bool = false) -> [String] {
        if let known = industry ? texts.industryIDsByText[text] : texts.skillIDsByText[text] { return known }
        var tokens: [TermToken] = []
        var matches: [EntityMatcher.Match] = []
        TermKey.tokenize(text, into: &tokens)
        if industry {
            texts.industryMatcher.matches(in: tokens, skipAsides: true, into: &matches)
        } else {
            texts.skillMatcher.matches(in: tokens, into: &matches)
        }
        var ids: [String] = []
        for match in matches {
            let id = industry ? texts.industryIDs[match.entity] : texts.skillIDs[match.entity]
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// The ids a list item names: its label's, then its text's.
    public func entityIDs(of item: ListItem, industry: Bool = false) -> [String] {
        guard let label = item.label else { return entityIDs(in: item.text, industry: industry) }
        var ids = entityIDs(in: label, industry: industry)
        for id in entityIDs(in: item.text, industry: industry) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// The tool entity a tool name (as an article writes it) names.
    public func toolID(named name: String) -> String? {
        if let id = texts.toolIDs[name] { return id }
        return resolve(.tool, name)?.id
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every cell of a row exceeds it.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
