/// Items in first-seen order, one per normalised text, each keeping every source that lists it.
/// Articles are merged one at a time in id order, so a source already recorded for an item is
/// always the last one: checking the end keeps merging linear (no scan of every earlier source).
func appendSources(_ sources: [String], to list: inout [String]) {
    for source in sources where list.last != source && !(list.count < 4 && list.contains(source)) {
        list.append(source)
    }
}

/// Items in first-seen order, one per normalised text, each keeping every source that lists it.
struct MergedList {
    private(set) var items: [ListItem] = []
    private var positions: [UInt64: Int] = [:]

    mutating func add(_ item: ListItem) {
        let key = TextKey.foldedHash(item.text, seed: item.label.map { TextKey.foldedHash($0) } ?? 0)
        if let position = positions[key] {
            appendSources(item.sources, to: &items[position].sources)
        } else {
            positions[key] = items.count
            items.append(item)
        }
    }
}

/// Tools merged by `ToolNames.key`, keeping the first category given and every source; categories
/// that differ only in case or punctuation ("Programming languages", "Programming Languages") are
/// shown in their most used spelling.
struct MergedTools {
    private struct Entry {
        var spellings: [String: Int] = [:]
        var category: String?
        var sources: [String] = []
    }

    private var keys: [String] = []
    private var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    mutating func add(_ tool: ToolItem, key: String) {
        guard !key.isEmpty else { return }
        let position: Int
        if let existing = positions[key] {
            position = existing
        } else {
            position = entries.count
            positions[key] = position
            keys.append(key)
            entries.append(Entry())
        }
        entries[position].spellings[tool.name, default: 0] += 1
        if entries[position].category == nil { entries[position].category = tool.category }
        appendSources(tool.sources, to: &entries[position].sources)
    }

    var items: [ToolItem] {
        var spellingCounts: [String: [String: Int]] = [:]
        for category in entries.compactMap(\.category) { spellingCounts[TextKey.fold(category), default: [:]][category, default: 0] += 1 }
        // Most used, then alphabetically first: independent of the order tools were added in.
        let display = spellingCounts.mapValues { counts in
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        }
        return zip(keys, entries).map { key, entry in
            ToolItem(
                name: ToolNames.display(key: key, spellings: entry.spellings),
                category: entry.category.map { display[TextKey.fold($0)] ?? $0 }, sources: entry.sources)
        }
    }
}

/// Merges what every article says about a role into one `Role`, keyed by `RoleNames.key`.
/// Articles are visited in id order, so the result does not depend on load order.
struct RoleMerger {
    private struct Accumulator {
        var titleCounts: [String: Int] = [:]
        var firstTitle: String
        var definitions: [SourcedText] = []
        var responsibilities = MergedList()
        var skills = MergedList()
        var education = MergedList()
        var industries = MergedList()
        var tips = MergedList()
        var tools = MergedTools()
        var outlook: [SourcedText] = []
        var comparisons: [String] = []
        var relatedKeys: Set<String> = []
    }

    private var order: [String] = []
    private var positions: [String: Int] = [:]
    /// `ToolNames.key` by (ASCII) tool name: every article lists a dozen tools from a small
    /// vocabulary, so most keys are looked up rather than rebuilt.
    private var toolKeys: [String: String] = [:]
    /// Mutated in place through the array (never copied out of a dictionary and back), so the
    /// growing lists stay uniquely referenced and appends stay O(1).
    private var accumulators: [Accumulator] = []

    mutating func add(_ article: Article) {
        let keys = article.roles.map { RoleNames.key($0) }
        for (position, title) in article.roles.enumerated() {
            let key = keys[position]
            let index: Int
            if let existing = positions[key] {
                index = existing
            } else {
                index = accumulators.count
                positions[key] = index
                order.append(key)
                accumulators.append(Accumulator(firstTitle: title))
            }
            Self.add(article, key: key, keys: keys, title: title, to: &accumulators[index], toolKeys: &toolKeys)
        }
    }

    // Static: a method on self would hold a copy of `accumulators` during the inout access and
    // force a copy of every role on each call.
    private static func add(
        _ article: Article, key: String, keys: [String], title: String, to role: inout Accumulator, toolKeys: inout [String: String]
    ) {
        func addTool(_ tool: ToolItem) {
            // Only ASCII names are cached: String keys compare by canonical equivalence, and two
            // such spellings of other text need not fold alike.
            let cacheable = tool.name.isASCIIOnly
            let toolKey: String
            if cacheable, let known = toolKeys[tool.name] {
                toolKey = known
            } else {
                toolKey = ToolNames.key(tool.name)
                if cacheable { toolKeys[tool.name] = toolKey }
            }
            role.tools.add(tool, key: toolKey)
        }
            role.titleCounts[RoleNames.singularTitle(title), default: 0] += 1
            appendSources([article.id], to: &role.comparisons)
            for other in keys where other != key { role.relatedKeys.insert(other) }
            if let profile = article.profiles.first(where: { RoleNames.key($0.title) == key }) {
                if let definition = profile.definition { role.definitions.append(SourcedText(text: definition, source: article.id)) }
                profile.responsibilities.forEach { role.responsibilities.add($0) }
                profile.skills.forEach { role.skills.add($0) }
                profile.education.forEach { role.education.add($0) }
                profile.industries.forEach { role.industries.add($0) }
                profile.tips.forEach { role.tips.add($0) }
                profile.tools.forEach(addTool)
                if let outlook = profile.outlook ?? article.outlook { role.outlook.append(SourcedText(text: outlook, source: article.id)) }
            }
            // What the article says without splitting it by role holds for each of its roles.
            for section in article.sections {
                switch section.kind {
                case .responsibilities: section.shared.forEach { role.responsibilities.add($0) }
                case .skills: section.shared.forEach { role.skills.add($0) }
                case .education: section.shared.forEach { role.education.add($0) }
                case .industries: section.shared.forEach { role.industries.add($0) }
                case .tips: section.shared.forEach { role.tips.add($0) }
                default: break
                }
                section.tools.forEach(addTool)
            }
    }

    func roles() -> [Role] {
        var ids: [String: String] = [:]
        var titles: [String: String] = [:]
        for key in order {
            guard let position = positions[key] else { continue }
            let role = accumulators[position]
            // The most used spelling; on a tie the spelled-out one ("Machine Learning Engineer"
            // over "ML Engineer"), then the one with fewer short forms ("Generative AI Engineer"
            // over "Gen AI Engineer"), then the alphabetically first, so load order never matters.
            let title = role.titleCounts.max { lhs, rhs in
                if lhs.value != rhs.value { return lhs.value < rhs.value }
                let (lhsFull, rhsFull) = (TextKey.fold(lhs.key) == key, TextKey.fold(rhs.key) == key)
                if lhsFull != rhsFull { return rhsFull }
                let (lhsShort, rhsShort) = (RoleNames.shortFormCount(lhs.key), RoleNames.shortFormCount(rhs.key))
                if lhsShort != rhsShort { return lhsShort > rhsShort }
                return lhs.key > rhs.key
            }?.key ?? role.firstTitle
            titles[key] = title
            // From the key, not the most used spelling: adding an article must not move a URL.
            ids[key] = RoleNames.id(key: key)
        }
        var result: [Role] = []
        for key in order {
            guard let position = positions[key], let id = ids[key], let title = titles[key] else { continue }
            let role = accumulators[position]
            var aliases = RoleNames.aliases(of: title)
            for variant in role.titleCounts.keys.sorted() where variant != title && !aliases.contains(variant) {
                aliases.append(variant)
            }
            result.append(Role(
                id: id, title: title, aliases: aliases,
                summary: role.definitions.first.flatMap { Sentences.split($0.text).first },
                definitions: role.definitions, responsibilities: role.responsibilities.items, skills: role.skills.items,
                education: role.education.items, tools: role.tools.items, industries: role.industries.items,
                outlook: role.outlook, tips: role.tips.items, comparisons: role.comparisons,
                related: role.relatedKeys.compactMap { ids[$0] }.sorted()))
        }
        return result.sorted { $0.id < $1.id }
    }
}
