import OrderedCollections

/// Items in first-seen order, one per normalised text, each keeping every source that lists it.
/// Articles are merged one at a time in id order, so a source already recorded for an item is
/// always the last one: checking the end keeps merging linear (no scan of every earlier source).
func appendSources(_ sources: [String], to list: inout [String]) {
    for source in sources where list.last != source && !(list.count < 4 && list.contains(source)) {
        list.append(source)
    }
}

/// Items in first-seen order, one per piece of advice (`SameAdvice`), each keeping every source
/// that lists it and the other articles' wordings as variants. Identical items meet as they are
/// added; similar ones once the list is complete (`items(contentWords:)`), when the frequency of
/// each word in the list is known and rare words can pick the candidates.
struct MergedList {
    private var list: [ListItem] = []
    private var keys: [UInt64] = []
    /// By folded label and text.
    private var positions: [UInt64: Int] = [:]

    mutating func add(_ item: ListItem) {
        let key = TextKey.foldedHash(item.text, seed: item.label.map { TextKey.foldedHash($0) } ?? 0)
        if let position = positions[key] {
            appendSources(item.sources, to: &list[position].sources)
            Self.inherit(item, into: &list[position])
            return
        }
        positions[key] = list.count
        keys.append(key)
        list.append(item)
    }

    private static func inherit(_ item: ListItem, into target: inout ListItem) {
        guard let inherited = item.inheritedFrom else { return }
        target.inheritedFrom = target.inheritedFrom ?? inherited
        for source in item.inheritedIn where !target.inheritedIn.contains(source) { target.appendInheritedIn(source) }
    }

    /// The items, those saying the same thing (`SameAdvice`) merged into the first of them: each
    /// item is compared with the earlier merged items (a same label first, then content words)
    /// and joins the first that shares no article with it. `contentWords` caches
    /// `SameAdvice.contentWords` by item key across lists (a sentence recurs in many roles).
    func items(contentWords: inout [UInt64: [UInt64]]) -> [ListItem] {
        guard list.count > 1 else { return list }
        let words = list.indices.map { index -> [UInt64] in
            if let known = contentWords[keys[index]] { return known }
            let computed = SameAdvice.contentWords(label: list[index].label, text: list[index].text)
            contentWords[keys[index]] = computed
            return computed
        }
        // Candidates come from each item's rarest words in this list (the prefix filter needs
        // one fixed order of words; rare first keeps the candidate lists short).
        var frequency: [UInt64: Int] = [:]
        for itemWords in words { for word in itemWords { frequency[word, default: 0] += 1 } }
        func prefix(_ itemWords: [UInt64]) -> [UInt64] {
            var ranked = itemWords.map { (frequency[$0] ?? 0, $0) }
            ranked.sort { $0 < $1 }
            return ranked.prefix(SameAdvice.prefixLength(itemWords.count)).map(\.1)
        }
        var merged: [ListItem] = []
        var mergedWords: [[UInt64]] = []
        /// Each merged item's sources as a set (items of one article never merge), kept for
        /// those that took in another item; their sources are put back in order at the end.
        var mergedSources: [Int: Set<String>] = [:]
        func disjoint(_ target: Int, _ item: ListItem) -> Bool {
            if let sources = mergedSources[target] { return !item.sources.contains(where: sources.contains) }
            return !merged[target].sources.contains(where: item.sources.contains)
        }
        var labelled: [UInt64: [Int]] = [:]
        var prefixes: [UInt64: [Int]] = [:]
        /// Per merged item, the last item compared with it.
        var checked: [Int] = []
        for (index, item) in list.enumerated() {
            let labelKey = SameAdvice.labelKey(item.label)
            var target = labelKey.flatMap { key in labelled[key]?.first { disjoint($0, item) } }
            let itemPrefix = prefix(words[index])
            if target == nil {
                for word in itemPrefix {
                    // Each list is in item order: the first match in it is its earliest.
                    for candidate in prefixes[word] ?? [] {
                        if candidate >= (target ?? .max) { break }
                        // A candidate found through an earlier word of the prefix was compared already.
                        if checked[candidate] == index { continue }
                        checked[candidate] = index
                        if SameAdvice.similar(mergedWords[candidate], words[index]) && disjoint(candidate, item) {
                            target = candidate
                            break
                        }
                    }
                }
            }
            if let target {
                mergedSources[target, default: Set(merged[target].sources)].formUnion(item.sources)
                Self.inherit(item, into: &merged[target])
                merged[target].appendVariant(ItemVariant(label: item.label, text: item.text, source: item.sources.first ?? ""))
                if let labelKey, !(labelled[labelKey]?.contains(target) ?? false) { labelled[labelKey, default: []].append(target) }
                continue
            }
            let position = merged.count
            if let labelKey { labelled[labelKey, default: []].append(position) }
            for word in itemPrefix { prefixes[word, default: []].append(position) }
            merged.append(item)
            mergedWords.append(words[index])
            checked.append(-1)
        }
        // Sources in article id order, the order articles are merged in.
        for (position, sources) in mergedSources { merged[position].sources = sources.sorted() }
        return merged
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
        var inheritedFrom: String?
        var inheritedIn: [String] = []
    }

    /// By key, in first-seen order; each entry mutated in place.
    private var entries: OrderedDictionary<String, Entry> = [:]

    mutating func add(_ tool: ToolItem, key: String) {
        guard !key.isEmpty else { return }
        Self.add(tool, to: &entries[key, default: Entry()])
    }

    private static func add(_ tool: ToolItem, to entry: inout Entry) {
        entry.spellings[tool.name, default: 0] += 1
        if entry.category == nil { entry.category = tool.category }
        appendSources(tool.sources, to: &entry.sources)
        if let inherited = tool.inheritedFrom {
            entry.inheritedFrom = entry.inheritedFrom ?? inherited
            appendSources(tool.inheritedIn, to: &entry.inheritedIn)
        }
    }

    var items: [ToolItem] {
        var spellingCounts: [String: [String: Int]] = [:]
        for category in entries.values.compactMap(\.category) { spellingCounts[TextKey.fold(category), default: [:]][category, default: 0] += 1 }
        // Most used, then alphabetically first: independent of the order tools were added in.
        let display = spellingCounts.mapValues { counts in
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        }
        return entries.map { key, entry in
            ToolItem(
                name: ToolNames.display(key: key, spellings: entry.spellings),
                category: entry.category.map { display[TextKey.fold($0)] ?? $0 }, sources: entry.sources,
                inheritedFrom: entry.inheritedFrom, inheritedIn: entry.inheritedIn)
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

    /// `ToolNames.key` by (ASCII) tool name: every article lists a dozen tools from a small
    /// vocabulary, so most keys are looked up rather than rebuilt.
    private var toolKeys: [String: String] = [:]
    /// By role key, in first-seen order; mutated in place (never copied out and back), so the
    /// growing lists stay uniquely referenced and appends stay O(1).
    private var accumulators: OrderedDictionary<String, Accumulator> = [:]
    /// Reference lines that name no role of their article (`RoleReferences`).
    private(set) var unresolvedReferences: [UnresolvedReference] = []

    mutating func add(_ article: Article) {
        let keys = article.roles.map { RoleNames.key($0) }
        let resolved = RoleReferences.resolve(article)
        if let resolved { unresolvedReferences += resolved.unresolved }
        let profiles = resolved?.profiles ?? article.profiles
        for (position, title) in article.roles.enumerated() {
            let key = keys[position]
            Self.add(
                article, profiles: profiles, key: key, keys: keys, title: title,
                to: &accumulators[key, default: Accumulator(firstTitle: title)], toolKeys: &toolKeys)
        }
    }

    // Static: a method on self would hold a copy of `accumulators` during the inout access and
    // force a copy of every role on each call.
    private static func add(
        _ article: Article, profiles: [RoleProfile], key: String, keys: [String], title: String, to role: inout Accumulator,
        toolKeys: inout [String: String]
    ) {
        func add(_ item: ListItem, to list: inout MergedList) { list.add(item) }
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
            if let profile = profiles.first(where: { RoleNames.key($0.title) == key }) {
                if let definition = profile.definition { role.definitions.append(SourcedText(text: definition, source: article.id)) }
                profile.responsibilities.forEach { add($0, to: &role.responsibilities) }
                profile.skills.forEach { add($0, to: &role.skills) }
                profile.education.forEach { add($0, to: &role.education) }
                profile.industries.forEach { add($0, to: &role.industries) }
                profile.tips.forEach { add($0, to: &role.tips) }
                profile.tools.forEach(addTool)
                if let outlook = profile.outlook ?? article.outlook { role.outlook.append(SourcedText(text: outlook, source: article.id)) }
            }
            // What the article says without splitting it by role holds for each of its roles.
            for section in article.sections {
                switch section.kind {
                case .responsibilities: section.shared.forEach { add($0, to: &role.responsibilities) }
                case .skills: section.shared.forEach { add($0, to: &role.skills) }
                case .education: section.shared.forEach { add($0, to: &role.education) }
                case .industries: section.shared.forEach { add($0, to: &role.industries) }
                case .tips: section.shared.forEach { add($0, to: &role.tips) }
                default: break
                }
                section.tools.forEach(addTool)
            }
    }

    /// Short forms a display name spells out: not those the field writes short ("AI Scientist",
    /// "NLP Engineer", "BI Analyst" are full names; the same list keeps them short in ids).
    private static let keptShort: Set<String> = ["ai", "nlp", "bi", "qa", "ux", "ui"]

    static func abbreviationCount(_ title: String) -> Int {
        TextKey.fold(title).split(separator: " ").reduce(0) { count, word in
            let word = String(word)
            return count + (RoleNames.shortForms.contains(word) && !keptShort.contains(word) ? 1 : 0)
        }
    }

    /// `title` with its abbreviations spelled out by rule ("ML Engineer" → "Machine Learning
    /// Engineer") when it has any; the same title otherwise.
    static func spelledOut(_ title: String, key: String) -> String {
        let count = abbreviationCount(title)
        guard count > 0 else { return title }
        let candidates = RoleNames.aliases(of: title).filter { RoleNames.key($0) == key && abbreviationCount($0) < count }
        // The fewest abbreviations left, then the shortest: short forms the field keeps ("AI")
        // stay short ("Gen AI Engineer" → "Generative AI Engineer").
        return candidates.min { (abbreviationCount($0), $0.utf8.count, $0) < (abbreviationCount($1), $1.utf8.count, $1) } ?? title
    }

    func roles() -> [Role] {
        var ids: [String: String] = [:]
        var titles: [String: String] = [:]
        for (key, role) in accumulators {
            // The full name: the spelling with the fewest abbreviations the field spells out
            // ("Machine Learning Engineer" over "ML Engineer", however many articles abbreviate
            // it in their title); then the most used; then the one matching the key, then the
            // one with fewer short forms of any kind; then the alphabetically first, so load
            // order never matters. When every article abbreviates, the name is spelled out by rule.
            let written = role.titleCounts.max { lhs, rhs in
                let (lhsAbbreviated, rhsAbbreviated) = (Self.abbreviationCount(lhs.key), Self.abbreviationCount(rhs.key))
                if lhsAbbreviated != rhsAbbreviated { return lhsAbbreviated > rhsAbbreviated }
                if lhs.value != rhs.value { return lhs.value < rhs.value }
                let (lhsFull, rhsFull) = (TextKey.fold(lhs.key) == key, TextKey.fold(rhs.key) == key)
                if lhsFull != rhsFull { return rhsFull }
                let (lhsShort, rhsShort) = (RoleNames.shortFormCount(lhs.key), RoleNames.shortFormCount(rhs.key))
                if lhsShort != rhsShort { return lhsShort > rhsShort }
                return lhs.key > rhs.key
            }?.key ?? role.firstTitle
            titles[key] = Self.spelledOut(written, key: key)
            // From the key, not the most used spelling: adding an article must not move a URL.
            ids[key] = RoleNames.id(key: key)
        }
        var result: [Role] = []
        var contentWords: [UInt64: [UInt64]] = [:]
        for (key, role) in accumulators {
            guard let id = ids[key], let title = titles[key] else { continue }
            var aliases = RoleNames.aliases(of: title)
            for variant in role.titleCounts.keys.sorted() where variant != title && !aliases.contains(variant) {
                aliases.append(variant)
            }
            result.append(Role(
                id: id, title: title, aliases: aliases,
                summary: role.definitions.first.flatMap { Sentences.split($0.text).first },
                definitions: role.definitions, responsibilities: role.responsibilities.items(contentWords: &contentWords),
                skills: role.skills.items(contentWords: &contentWords), education: role.education.items(contentWords: &contentWords),
                tools: role.tools.items, industries: role.industries.items(contentWords: &contentWords),
                outlook: role.outlook, tips: role.tips.items(contentWords: &contentWords), comparisons: role.comparisons,
                related: role.relatedKeys.compactMap { ids[$0] }.sorted()))
        }
        return result.sorted { $0.id < $1.id }
    }
}
