/// Builds the entity model from the parsed articles and merged roles, in two passes:
///
/// 1. The catalog: the curated vocabulary, then every tool name the articles' tool lines give,
///    every capitalised item of an enumeration in a skill, responsibility or education sentence
///    ("such as A, B, or C", "(e.g., A, B)", "including A and B") that no known name covers, and
///    every industry an industry list names that the vocabulary lacks.
/// 2. The annotation: each sentence is matched once (cached by text) against every name and
///    alias of the catalog, and gains the ids it mentions; each role gains its entities by
///    section; each job the entities its title names.
///
/// Ids are slugs of the vocabulary name, or of the folded name for corpus-only entities, so they
/// do not depend on which spelling is the most used or on load order.
struct KnowledgeBuilder {
    private struct Draft {
        var name: String
        var aliases: [String] = []
        var type: EntityType
        var kind: String?
        var description: String?
        var vocabularySources: [String] = []
        var curated: Bool
        var key: String
        var spellings: [String: Int] = [:]
        var categories: [String: Int] = [:]
        var isTool = false
        var isSkill = false
    }

    private struct Space {
        var drafts: [Draft] = []
        var keys: [String: Int] = [:]
        var matcher = EntityMatcher()
        var textCache: [String: [Int]] = [:]

        /// Registers a spelling of a draft as a matchable name and a resolvable key.
        mutating func register(_ name: String, draft: Int, exact: Bool = false) {
            var tokens: [TermToken] = []
            let key = TermKey.keyed(name, tokens: &tokens)
            register(tokens: tokens, key: key, draft: draft, exact: exact)
        }

        /// `register` for a name already read by `TermKey.keyed`.
        mutating func register(tokens: [TermToken], key: String, draft: Int, exact: Bool) {
            guard !key.isEmpty else { return }
            if keys[key] == nil { keys[key] = draft }
            matcher.add(tokens: tokens, entity: draft, exact: exact)
        }

        mutating func addCorpus(name: String, key: String, type: EntityType) -> Int {
            let index = drafts.count
            drafts.append(Draft(name: name, type: type, curated: false, key: key))
            register(name, draft: index)
            let bare = KnowledgeBuilder.withoutVendor(key)
            if bare != key, keys[bare] == nil { keys[bare] = index }
            return index
        }
    }

    private var skills = Space()
    private var industries = Space()
    private var tokens: [TermToken] = []
    private var matches: [EntityMatcher.Match] = []
    /// Tool name as written → draft.
    private var toolNames: [String: Int] = [:]

    static let vendorPrefixes = ["apache ", "amazon "]

    /// "apache spark" → "spark": the field names these tools both ways.
    static func withoutVendor(_ key: String) -> String {
        for prefix in vendorPrefixes where key.hasPrefix(prefix) && key.utf8.count > prefix.utf8.count {
            return String(key.dropFirst(prefix.count))
        }
        return key
    }

    init(vocabulary: Vocabulary) {
        var tokens: [TermToken] = []
        for term in vocabulary.terms {
            // The name is read once for its key and its matcher entry.
            let key = TermKey.keyed(term.name, tokens: &tokens)
            var draft = Draft(
                name: term.name, aliases: term.aliases, type: term.type, kind: term.kind, description: term.description,
                vocabularySources: term.sources, curated: true, key: key)
            draft.isTool = false
            if term.type == .industry {
                let index = industries.drafts.count
                industries.drafts.append(draft)
                industries.register(tokens: tokens, key: key, draft: index, exact: term.exact)
                for name in term.aliases { industries.register(name, draft: index, exact: term.exact) }
            } else {
                let index = skills.drafts.count
                skills.drafts.append(draft)
                skills.register(tokens: tokens, key: key, draft: index, exact: term.exact)
                for name in term.aliases { skills.register(name, draft: index, exact: term.exact) }
                let bare = Self.withoutVendor(key)
                if bare != key, skills.keys[bare] == nil { skills.keys[bare] = index }
            }
        }
    }

    // MARK: Pass 1: the catalog

    private static let sentenceKinds: Set<SectionKind> = [.skills, .responsibilities, .education]

    /// Every tool name, each sentence once (enumerations) and each industry item once, in one
    /// pass over the articles without copying their lists.
    /// Article ids by number, in id order (the repository's order), and back.
    private var articleIDs: [String] = []
    private var articleNumbers: [String: Int] = [:]

    mutating func collect(_ articles: [Article]) {
        articleIDs = articles.map(\.id).sorted()
        articleNumbers = Dictionary(articleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var seenSentences: Set<String> = []
        var seenIndustries: Set<String> = []
        func sentences(_ items: [ListItem], into builder: inout KnowledgeBuilder) {
            for item in items where seenSentences.insert(item.text).inserted { builder.collectEnumerations(item.text) }
        }
        func industries(_ items: [ListItem], into builder: inout KnowledgeBuilder) {
            for item in items where seenIndustries.insert(item.text).inserted { builder.collectIndustry(item.text) }
        }
        for article in articles {
            for profile in article.profiles {
                for tool in profile.tools { collectTool(tool) }
                sentences(profile.skills, into: &self)
                sentences(profile.responsibilities, into: &self)
                sentences(profile.education, into: &self)
                industries(profile.industries, into: &self)
            }
            for section in article.sections {
                for tool in section.tools { collectTool(tool) }
                for block in section.roles { for tool in block.tools { collectTool(tool) } }
                if Self.sentenceKinds.contains(section.kind) {
                    sentences(section.shared, into: &self)
                    for block in section.roles { sentences(block.items, into: &self) }
                } else if section.kind == .industries {
                    industries(section.shared, into: &self)
                    for block in section.roles { industries(block.items, into: &self) }
                }
            }
        }
    }

    private mutating func collectTool(_ tool: ToolItem) {
        let index: Int
        if let known = toolNames[tool.name] {
            index = known
        } else {
            let key = TermKey.key(tool.name)
            guard !key.isEmpty else { return }
            index = skills.keys[key] ?? skills.keys[Self.withoutVendor(key)] ?? skills.addCorpus(name: tool.name, key: key, type: .tool)
            toolNames[tool.name] = index
        }
        skills.drafts[index].isTool = true
        skills.drafts[index].spellings[tool.name, default: 0] += 1
        if let category = tool.category { skills.drafts[index].categories[category, default: 0] += 1 }
    }

    /// An enumerated item becomes an entity when it is written like a name (starts with a capital
    /// or a digit), has at most four words, and no known name covers any part of it.
    static let maxEnumeratedWords = 4

    private mutating func collectEnumerations(_ text: String) {
        TermKey.tokenize(text, into: &tokens)
        let items = EntityMatcher.enumeratedItems(in: tokens)
        guard !items.isEmpty else { return }
        let bytes = Array(text.utf8)
        for item in items where item.count <= Self.maxEnumeratedWords {
            let firstByte = bytes[tokens[item.lowerBound].start]
            guard (firstByte >= 0x41 && firstByte <= 0x5A) || (firstByte >= 0x30 && firstByte <= 0x39),
                  tokens[item.lowerBound].key != EntityMatcher.Words.other
            else { continue }
            matches.removeAll(keepingCapacity: true)
            skills.matcher.matches(in: tokens, range: item, into: &matches)
            guard matches.isEmpty else { continue }
            let name = String(decoding: bytes[tokens[item.lowerBound].start..<tokens[item.upperBound - 1].end], as: UTF8.self)
            let key = TermKey.key(name)
            let index = skills.keys[key] ?? skills.addCorpus(name: name, key: key, type: .skill)
            skills.drafts[index].spellings[name, default: 0] += 1
        }
    }

    /// An industry item no known industry covers (outside its parenthesised aside) is an industry
    /// by itself, named as written without the aside.
    private mutating func collectIndustry(_ text: String) {
        TermKey.tokenize(text, into: &tokens)
        matches.removeAll(keepingCapacity: true)
        industries.matcher.matches(in: tokens, skipAsides: true, into: &matches)
        guard matches.isEmpty else { return }
        var name = text
        if let paren = name.firstIndex(of: "(") { name = String(name[..<paren]) }
        name = name.trimming(" .;:\t")
        let key = TermKey.key(name)
        guard !key.isEmpty else { return }
        // A skill's name in an industry list ("Computer vision") is shown as the skill is, so one
        // id never has two names across /skills and /industries.
        if let skill = skills.keys[key], skills.drafts[skill].curated { name = skills.drafts[skill].name }
        let index = industries.keys[key] ?? industries.addCorpus(name: name, key: key, type: .industry)
        industries.drafts[index].spellings[name, default: 0] += 1
    }

    // MARK: Pass 2: annotation

    private mutating func entities(in text: String, industry: Bool) -> [Int] {
        if industry, let cached = industries.textCache[text] { return cached }
        if !industry, let cached = skills.textCache[text] { return cached }
        TermKey.tokenize(text, into: &tokens)
        matches.removeAll(keepingCapacity: true)
        if industry {
            industries.matcher.matches(in: tokens, skipAsides: true, into: &matches)
        } else {
            skills.matcher.matches(in: tokens, into: &matches)
        }
        var found: [Int] = []
        for match in matches where !found.contains(match.entity) { found.append(match.entity) }
        if industry { industries.textCache[text] = found } else { skills.textCache[text] = found }
        return found
    }

    private mutating func sentenceEntities(_ item: ListItem, industry: Bool) -> [Int] {
        var found = item.label.map { entities(in: $0, industry: industry) } ?? []
        for entity in entities(in: item.text, industry: industry) where !found.contains(entity) { found.append(entity) }
        return found
    }

    private mutating func toolEntity(_ tool: ToolItem) -> Int? {
        if let known = toolNames[tool.name] { return known }
        let key = TermKey.key(tool.name)
        return skills.keys[key] ?? skills.keys[Self.withoutVendor(key)]
    }

    /// Ids by draft, fixed once the catalog is complete.
    private var skillIDs: [String] = []
    private var industryIDs: [String] = []
    private var skillNames: [String] = []
    private var industryNames: [String] = []

    /// Chooses each entity's id and display name. Must run between the passes.
    mutating func freeze() {
        (skillIDs, skillNames) = Self.identities(skills.drafts)
        (industryIDs, industryNames) = Self.identities(industries.drafts)
    }

    private static func identities(_ drafts: [Draft]) -> (ids: [String], names: [String]) {
        var taken: Set<String> = []
        var ids: [String] = []
        var names: [String] = []
        for draft in drafts {
            let base = TextKey.slug(draft.curated ? draft.name : draft.key)
            var id = base.isEmpty ? "entity" : base
            var suffix = 2
            while !taken.insert(id).inserted {
                id = base + "-\(suffix)"
                suffix += 1
            }
            ids.append(id)
            names.append(draft.curated ? draft.name : mostUsed(draft.spellings) ?? draft.name)
        }
        return (ids, names)
    }

    /// The most used spelling; on a tie the one with more capitals ("PyTorch" over "Pytorch"),
    /// then the alphabetically first, so load order never matters.
    private static func mostUsed(_ counts: [String: Int]) -> String? {
        counts.max { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value < rhs.value }
            let (l, r) = (lhs.key.utf8.count(where: { $0 >= 0x41 && $0 <= 0x5A }), rhs.key.utf8.count(where: { $0 >= 0x41 && $0 <= 0x5A }))
            if l != r { return l < r }
            return lhs.key > rhs.key
        }?.key
    }

    /// Ids by unlabelled sentence text: articles repeat sentences, and a shared array costs no
    /// allocation per item.
    private var skillIDsByText: [String: [String]] = [:]
    private var industryIDsByText: [String: [String]] = [:]

    private mutating func annotate(_ items: inout [ListItem], industry: Bool) {
        for index in items.indices {
            let item = items[index]
            if item.label == nil, let ids = industry ? industryIDsByText[item.text] : skillIDsByText[item.text] {
                items[index].entities = ids
                continue
            }
            let found = sentenceEntities(item, industry: industry)
            let ids = found.map { industry ? industryIDs[$0] : skillIDs[$0] }
            if !industry { for entity in found { skills.drafts[entity].isSkill = true } }
            if item.label == nil {
                if industry { industryIDsByText[item.text] = ids } else { skillIDsByText[item.text] = ids }
            }
            items[index].entities = ids
        }
    }

    private mutating func annotate(_ tools: inout [ToolItem], rename: Bool) {
        for index in tools.indices {
            guard let entity = toolEntity(tools[index]) else { continue }
            tools[index].id = skillIDs[entity]
            if rename { tools[index].name = skillNames[entity] }
        }
    }

    /// Annotates a merged role: its sentences, its tools (merged by entity, shown by the
    /// entity's name) and its entities by section with their sources.
    mutating func annotate(_ role: inout Role) {
        annotate(&role.skills, industry: false)
        annotate(&role.responsibilities, industry: false)
        annotate(&role.education, industry: false)
        annotate(&role.industries, industry: true)
        annotate(&role.tools, rename: true)
        // Two spellings the merger kept apart may be one entity ("AWS SageMaker", "Amazon SageMaker").
        var toolPositions: [String: Int] = [:]
        var tools: [ToolItem] = []
        for tool in role.tools {
            guard let id = tool.id else {
                tools.append(tool)
                continue
            }
            if let position = toolPositions[id] {
                for source in tool.sources where !tools[position].sources.contains(source) { tools[position].sources.append(source) }
                if tools[position].category == nil { tools[position].category = tool.category }
            } else {
                toolPositions[id] = tools.count
                tools.append(tool)
            }
        }
        role.tools = tools
        // Sources as article numbers: one string lookup per item source, then integer sets per
        // entity (a role named by hundreds of articles has items with hundreds of sources each).
        func refs(_ lists: [[ListItem]], industry: Bool) -> [EntityRef] {
            var order: [String] = []
            var slots: [String: Int] = [:]
            var sources: [Set<Int>] = []
            var numbers: [Int] = []
            for item in lists.joined() where !item.entities.isEmpty {
                numbers.removeAll(keepingCapacity: true)
                for source in item.sources { if let number = articleNumbers[source] { numbers.append(number) } }
                for id in item.entities {
                    let slot: Int
                    if let known = slots[id] {
                        slot = known
                    } else {
                        slot = sources.count
                        slots[id] = slot
                        order.append(id)
                        sources.append([])
                    }
                    sources[slot].formUnion(numbers)
                }
            }
            return order.enumerated().map { slot, id in
                EntityRef(id: id, name: name(of: id, industry: industry), sources: sources[slot].sorted().map { articleIDs[$0] })
            }
        }
        role.entities = RoleEntities(
            skills: refs([role.skills, role.responsibilities, role.education], industry: false),
            tools: tools.compactMap { tool in tool.id.map { EntityRef(id: $0, name: tool.name, sources: tool.sources) } },
            industries: refs([role.industries], industry: true))
    }

    private lazy var skillNameByID: [String: String] = Dictionary(zip(skillIDs, skillNames), uniquingKeysWith: { a, _ in a })
    private lazy var industryNameByID: [String: String] = Dictionary(zip(industryIDs, industryNames), uniquingKeysWith: { a, _ in a })

    private mutating func name(of id: String, industry: Bool) -> String {
        (industry ? industryNameByID[id] : skillNameByID[id]) ?? id
    }

    /// The finished model: entities, keys, and the roles and jobs that name each.
    mutating func knowledge(roles: [Role], jobs: [Job]) -> Knowledge {
        var skillJobs = [[String]](repeating: [], count: skills.drafts.count)
        let industryJobs = [[String]](repeating: [], count: industries.drafts.count)
        for job in jobs {
            for entity in entities(in: job.posting.title, industry: false) { skillJobs[entity].append(job.id) }
        }
        var skillRoles = [[EntityRoleMention]](repeating: [], count: skills.drafts.count)
        var industryRoles = [[EntityRoleMention]](repeating: [], count: industries.drafts.count)
        let skillPositions = Dictionary(skillIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let industryPositions = Dictionary(industryIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for role in roles {
            // A ref's sources are already distinct: only an entity in both sections needs a union.
            var mentions: [Int: (articles: [String], sections: [EntitySection])] = [:]
            for section in [EntitySection.skills, .tools] {
                for ref in role.entities[section] {
                    guard let position = skillPositions[ref.id] else { continue }
                    if let earlier = mentions[position] {
                        mentions[position] = (Array(Set(earlier.articles).union(ref.sources)), earlier.sections + [section])
                    } else {
                        mentions[position] = (ref.sources, [section])
                    }
                    if section == .tools { skills.drafts[position].isTool = true }
                }
            }
            for (position, mention) in mentions {
                skillRoles[position].append(EntityRoleMention(
                    role: role.id, title: role.title, articles: mention.articles.sorted(), sections: mention.sections))
            }
            for ref in role.entities.industries {
                guard let position = industryPositions[ref.id] else { continue }
                industryRoles[position].append(EntityRoleMention(
                    role: role.id, title: role.title, articles: ref.sources.sorted(), sections: [.industries]))
            }
        }
        func space(_ space: Space, ids: [String], names: [String], roles: [[EntityRoleMention]], jobs: [[String]]) -> Knowledge.Space {
            var entities: [Entity] = []
            for (index, draft) in space.drafts.enumerated() {
                let category = draft.type == .tool || draft.isTool
                    ? (draft.curated && draft.type == .tool ? draft.kind : Self.mostUsedCategory(draft.categories)) : nil
                var aliases = draft.aliases
                for spelling in draft.spellings.keys.sorted() where spelling != names[index] && !aliases.contains(spelling) {
                    aliases.append(spelling)
                }
                entities.append(Entity(
                    id: ids[index], name: names[index], aliases: aliases,
                    type: draft.isTool && draft.type == .skill && !draft.curated ? .tool : draft.type,
                    kind: draft.curated ? draft.kind : nil, category: category, description: draft.description,
                    vocabularySources: draft.vocabularySources, isTool: draft.isTool || (draft.type == .tool && !roles[index].isEmpty),
                    isSkill: draft.isSkill))
            }
            // Sorted by id, with keys, mentions and jobs following.
            let order = entities.indices.sorted { entities[$0].id < entities[$1].id }
            var newPosition = [Int](repeating: 0, count: entities.count)
            for (new, old) in order.enumerated() { newPosition[old] = new }
            return Knowledge.Space(
                entities: order.map { entities[$0] },
                keys: space.keys.mapValues { newPosition[$0] },
                roleMentions: order.map { roles[$0].sorted { $0.role < $1.role } },
                jobMentions: order.map { jobs[$0].sorted() })
        }
        var toolIDs: [String: String] = [:]
        for (name, draft) in toolNames { toolIDs[name] = skillIDs[draft] }
        return Knowledge(
            skills: space(skills, ids: skillIDs, names: skillNames, roles: skillRoles, jobs: skillJobs),
            industries: space(industries, ids: industryIDs, names: industryNames, roles: industryRoles, jobs: industryJobs),
            texts: Knowledge.Texts(
                skillMatcher: skills.matcher, industryMatcher: industries.matcher, skillIDs: skillIDs, industryIDs: industryIDs,
                skillIDsByText: skillIDsByText, industryIDsByText: industryIDsByText, toolIDs: toolIDs))
    }

    /// The articles' categories of a tool: the most used after folding case and punctuation,
    /// shown in its most used spelling.
    private static func mostUsedCategory(_ counts: [String: Int]) -> String? {
        var folded: [String: [String: Int]] = [:]
        for (category, count) in counts { folded[TextKey.fold(category), default: [:]][category, default: 0] += count }
        let best = folded.max { lhs, rhs in
            let (l, r) = (lhs.value.values.reduce(0, +), rhs.value.values.reduce(0, +))
            return l != r ? l < r : lhs.key > rhs.key
        }
        return best.flatMap { mostUsed($0.value) }
    }

    /// Builds the model of a repository: annotated roles, and the knowledge. Articles are left as
    /// parsed (copying each one's lists to annotate it cost more than the rest of this build):
    /// `Knowledge.entityIDs(in:)` and `toolID(named:)` answer for their texts, from the same
    /// matcher and the cache this build filled.
    static func build(articles: [Article], roles: [Role], jobs: [Job], vocabulary: Vocabulary)
        -> (roles: [Role], knowledge: Knowledge)
    {
        var builder = KnowledgeBuilder(vocabulary: vocabulary)
        builder.collect(articles)
        builder.freeze()
        var roles = roles
        for index in roles.indices { builder.annotate(&roles[index]) }
        let knowledge = builder.knowledge(roles: roles, jobs: jobs)
        return (roles, knowledge)
    }
}
