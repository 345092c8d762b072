/// Items in first-seen order, one per normalised text, each keeping every source that lists it.
struct MergedList {
    private(set) var items: [ListItem] = []
    private var positions: [String: Int] = [:]

    mutating func add(_ item: ListItem) {
        let key = item.label.map { TextKey.fold($0) + "|" + TextKey.fold(item.text) } ?? TextKey.fold(item.text)
        if let position = positions[key] {
            for source in item.sources where !items[position].sources.contains(source) {
                items[position].sources.append(source)
            }
        } else {
            positions[key] = items.count
            items.append(item)
        }
    }
}

/// Tools merged by `ToolNames.key`, keeping the first category given and every source.
struct MergedTools {
    private var order: [String] = []
    private var entries: [String: (spellings: [String: Int], category: String?, sources: [String])] = [:]

    mutating func add(_ tool: ToolItem) {
        let key = ToolNames.key(tool.name)
        guard !key.isEmpty else { return }
        var entry = entries[key] ?? ([:], nil, [])
        if entries[key] == nil { order.append(key) }
        entry.spellings[tool.name, default: 0] += 1
        entry.category = entry.category ?? tool.category
        for source in tool.sources where !entry.sources.contains(source) { entry.sources.append(source) }
        entries[key] = entry
    }

    var items: [ToolItem] {
        order.compactMap { key in
            entries[key].map { ToolItem(name: ToolNames.display(key: key, spellings: $0.spellings), category: $0.category, sources: $0.sources) }
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
        var relatedKeys: [String] = []
    }

    private var order: [String] = []
    private var accumulators: [String: Accumulator] = [:]

    mutating func add(_ article: Article) {
        let keys = article.roles.map { RoleNames.key($0) }
        for (position, title) in article.roles.enumerated() {
            let key = keys[position]
            var role = accumulators[key] ?? Accumulator(firstTitle: title)
            if accumulators[key] == nil { order.append(key) }
            role.titleCounts[RoleNames.singularTitle(title), default: 0] += 1
            if !role.comparisons.contains(article.id) { role.comparisons.append(article.id) }
            for other in keys where other != key && !role.relatedKeys.contains(other) { role.relatedKeys.append(other) }
            if let profile = article.profiles.first(where: { RoleNames.key($0.title) == key }) {
                if let definition = profile.definition { role.definitions.append(SourcedText(text: definition, source: article.id)) }
                profile.responsibilities.forEach { role.responsibilities.add($0) }
                profile.skills.forEach { role.skills.add($0) }
                profile.education.forEach { role.education.add($0) }
                profile.industries.forEach { role.industries.add($0) }
                profile.tips.forEach { role.tips.add($0) }
                profile.tools.forEach { role.tools.add($0) }
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
                section.tools.forEach { role.tools.add($0) }
            }
            accumulators[key] = role
        }
    }

    func roles() -> [Role] {
        var ids: [String: String] = [:]
        var titles: [String: String] = [:]
        for key in order {
            guard let role = accumulators[key] else { continue }
            // The most used spelling; on a tie the spelled-out one ("Machine Learning Engineer"
            // over "ML Engineer"), then the alphabetically first, so load order never matters.
            let title = role.titleCounts.max { lhs, rhs in
                if lhs.value != rhs.value { return lhs.value < rhs.value }
                let (lhsFull, rhsFull) = (TextKey.fold(lhs.key) == key, TextKey.fold(rhs.key) == key)
                if lhsFull != rhsFull { return rhsFull }
                return lhs.key > rhs.key
            }?.key ?? role.firstTitle
            titles[key] = title
            ids[key] = TextKey.slug(title)
        }
        var result: [Role] = []
        for key in order {
            guard let role = accumulators[key], let id = ids[key], let title = titles[key] else { continue }
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
