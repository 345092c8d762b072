/// A line that gives one role's items by pointing at another role ("Same as above.") whose role
/// the repository could not tell: it stays a text item and is reported here, so that the load
/// report, the reading report and `/metrics` can show it.
public struct UnresolvedReference: Sendable, Hashable, Codable {
    /// The article's id.
    public var article: String
    /// The role the line is listed under, as the article writes it.
    public var role: String
    public var section: SectionKind
    /// The line as written.
    public var text: String
    public var reason: String

    public init(article: String, role: String, section: SectionKind, text: String, reason: String) {
        self.article = article
        self.role = role
        self.section = section
        self.text = text
        self.reason = reason
    }
}

/// References between the roles of one article: "All tools used by Machine Learning Engineers.",
/// "Same as Data Scientist, plus Airflow and dbt.", "Everything a Data Analyst uses". Such a line
/// stands for the named role's items of the same kind in the same article; they are copied to
/// the referring role marked `inheritedFrom` (the role they come from, or the role *that* one
/// inherited them from), and what follows "plus", "as well as", "and also" or "along with" is
/// added as the referring role's own item(s).
///
/// A line is a reference when it opens with "same as", "identical to", "as above" or "see
/// above" (always), or with "all", "everything", "in addition to" or "plus" followed within
/// eight words by one of the article's roles. A reference that names no other role of the article
/// (or whose role has nothing of that kind there) stays as it is and is reported.
enum RoleReferences {
    struct Resolved {
        /// `article.profiles`, each reference replaced by the items it stands for.
        var profiles: [RoleProfile]
        var unresolved: [UnresolvedReference]
    }

    private static let strongOpeners: [[Substring]] = [
        ["same", "as"], ["the", "same", "as"], ["identical", "to"], ["as", "above"], ["see", "above"],
    ]
    private static let weakOpeners: [[Substring]] = [["all"], ["everything"], ["in", "addition", "to"], ["plus"]]
    /// Words that point at another role without naming it ("All tools listed above").
    private static let unnamedPointers: Set<Substring> = ["above", "previous", "preceding", "other", "former", "latter"]
    /// Word pairs that announce a role ("All tools used by Data Scientists" in an article that
    /// does not compare Data Scientists): a reference, but to no role of the article.
    private static let pointingPairs: Set<[Substring]> = [
        ["used", "by"], ["needed", "by"], ["required", "by"], ["listed", "for"], ["listed", "under"], ["that", "a"], ["that", "an"],
    ]
    /// Where the named role ends and the role's own additions begin (matched in lower case).
    private static let additionSeparators = [", plus ", " plus ", " as well as ", " and also ", " along with ", "; "]
    private static let roleWindow = 8

    /// Nil when the article has no reference (nearly every article): nothing to copy.
    static func resolve(_ article: Article) -> Resolved? {
        guard article.profiles.contains(where: { profile in
            Kind.lists.contains { kind in kind.items(of: profile).contains { mayRefer($0.text) } }
        }) || article.sections.contains(where: { section in
            section.kind == .tools && section.roles.contains { $0.items.contains { mayRefer($0.text) } }
        }) else { return nil }
        var resolver = Resolver(article: article)
        return resolver.run()
    }

    /// A cheap first look: the first word is one a reference opens with.
    private static func mayRefer(_ text: String) -> Bool {
        guard let first = text.utf8.first.map({ $0 | 0x20 }),
            first == 0x61 || first == 0x65 || first == 0x69 || first == 0x70 || first == 0x73 || first == 0x74
        else { return false }
        return openingWords.contains { text.hasPrefixIgnoringCase($0) }
    }

    /// The first words of every opener, lower case (their first letters are checked above).
    private static let openingWords = ["same", "the same", "identical", "as above", "see above", "all", "everything", "in addition", "plus"]

    /// The kinds of items a role has per article.
    enum Kind: CaseIterable {
        case responsibilities, skills, education, industries, tips, tools

        static let lists: [Kind] = [.responsibilities, .skills, .education, .industries, .tips]

        var section: SectionKind {
            switch self {
            case .responsibilities: .responsibilities
            case .skills: .skills
            case .education: .education
            case .industries: .industries
            case .tips: .tips
            case .tools: .tools
            }
        }

        var listPath: WritableKeyPath<RoleProfile, [ListItem]>? {
            switch self {
            case .responsibilities: \.responsibilities
            case .skills: \.skills
            case .education: \.education
            case .industries: \.industries
            case .tips: \.tips
            case .tools: nil
            }
        }

        func items(of profile: RoleProfile) -> [ListItem] {
            listPath.map { profile[keyPath: $0] } ?? []
        }
    }

    /// What a reference line says: the role it names (index into the article's roles) and the
    /// additions after it.
    struct Reference {
        var target: Int?
        var additions: String?
        var reason: String
    }

    /// Reads one line; nil when it is not a reference.
    static func reference(_ text: String, of role: Int, roleKeys: [[Substring]]) -> Reference? {
        let words = RoleNames.expand(TextKey.fold(text).split(separator: " ").map(String.init)).map { Substring(RoleNames.singular($0)) }
        var strong = false
        var openerLength = 0
        if let opener = strongOpeners.first(where: { words.starts(with: $0) }) {
            strong = true
            openerLength = opener.count
        } else if let opener = weakOpeners.first(where: { words.starts(with: $0) }) {
            openerLength = opener.count
        } else {
            return nil
        }
        let window = words[openerLength..<min(words.count, openerLength + roleWindow + 4)]
        // The longest role named: "Lead Machine Learning Engineer" over "Machine Learning Engineer".
        var best: (index: Int, length: Int)?
        for (index, key) in roleKeys.enumerated() where !key.isEmpty && key.count > (best?.length ?? 0) {
            guard let start = run(key, in: window), start - window.startIndex < roleWindow else { continue }
            best = (index, key.count)
        }
        guard let best else {
            let pointsElsewhere = window.contains { unnamedPointers.contains($0) }
                || zip(window, window.dropFirst()).contains { pointingPairs.contains([$0, $1]) }
            guard strong || pointsElsewhere else { return nil }
            return Reference(target: nil, additions: nil, reason: "names no role of the article")
        }
        guard best.index != role else { return Reference(target: nil, additions: nil, reason: "names its own role") }
        return Reference(target: best.index, additions: additions(in: text), reason: "")
    }

    private static func run(_ key: [Substring], in words: ArraySlice<Substring>) -> Int? {
        guard words.count >= key.count else { return nil }
        for start in words.startIndex...(words.endIndex - key.count) where words[start] == key[0] {
            if words[start..<(start + key.count)].elementsEqual(key) { return start }
        }
        return nil
    }

    /// The text after the first addition separator ("…, plus Airflow and dbt." → "Airflow and dbt").
    private static func additions(in text: String) -> String? {
        let lower = text.lowercased()
        // Byte offsets in the lower-cased copy are offsets in the text only when lower-casing kept its length.
        guard lower.utf8.count == text.utf8.count else { return nil }
        guard let end = additionSeparators.compactMap({ separator in
            TextKey.offset(of: separator, in: lower).map { $0 + separator.utf8.count }
        }).min() else { return nil }
        let rest = trimmed(String(decoding: text.utf8.dropFirst(end), as: UTF8.self), dropping: " .;:")
        return rest.isEmpty ? nil : rest
    }

    /// The named tools of an addition: "Airflow, dbt and Kubernetes" → three names.
    static func toolNames(_ text: String) -> [String] {
        text.split(separator: ",").flatMap { part -> [Substring] in
            var piece = Substring(trimmed(String(part), dropping: " "))
            for joiner in ["and ", "or "] where piece.hasPrefixIgnoringCase(joiner) { piece = piece.dropFirst(joiner.count) }
            return piece.componentsFast(separatedBy: " and ").flatMap { $0.componentsFast(separatedBy: " or ") }
        }.map { trimmed(String($0), dropping: " ") }.filter { !$0.isEmpty }
    }

    private static func trimmed(_ text: String, dropping characters: String) -> String {
        let set = Set(characters.unicodeScalars).union([" ", "\t"])
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }), let last = scalars.lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private struct Resolver {
        let article: Article
        let roleKeys: [[Substring]]
        /// Per role (article order) the profile position, if the article has one.
        let profileOf: [Int?]
        var resolved: [Kind: [Int: Items]] = [:]
        var unresolved: [UnresolvedReference] = []

        struct Items {
            var list: [ListItem] = []
            var tools: [ToolItem] = []
        }

        init(article: Article) {
            self.article = article
            let keys = article.roles.map { RoleNames.key($0) }
            roleKeys = keys.map { $0.split(separator: " ") }
            profileOf = keys.map { key in article.profiles.firstIndex { RoleNames.key($0.title) == key } }
        }

        mutating func run() -> Resolved {
            var profiles = article.profiles
            for kind in Kind.allCases {
                for role in article.roles.indices {
                    guard let position = profileOf[role] else { continue }
                    var visiting: Set<Int> = []
                    let items = resolve(kind, role: role, visiting: &visiting)
                    if let path = kind.listPath {
                        profiles[position][keyPath: path] = items.list
                    } else {
                        profiles[position].tools = items.tools
                    }
                }
            }
            return Resolved(profiles: profiles, unresolved: unresolved)
        }

        /// A role's items of one kind with its references replaced; memoised, cycles cut.
        private mutating func resolve(_ kind: Kind, role: Int, visiting: inout Set<Int>) -> Items {
            if let done = resolved[kind]?[role] { return done }
            guard let position = profileOf[role] else { return Items() }
            let profile = article.profiles[position]
            visiting.insert(role)
            var result = Items()
            // Tools the parser read are the role's own; reference lines of a tools section sit
            // among the block's other (text) items.
            let lines: [ListItem]
            if let path = kind.listPath {
                lines = profile[keyPath: path]
            } else {
                result.tools = profile.tools
                lines = article.sections.filter { $0.kind == .tools }.flatMap { section in
                    section.roles.filter { RoleNames.key($0.role) == RoleNames.key(profile.title) }.flatMap(\.items)
                }
            }
            for line in lines {
                guard RoleReferences.mayRefer(line.text),
                    let reference = RoleReferences.reference(line.text, of: role, roleKeys: roleKeys)
                else {
                    if kind.listPath != nil { result.list.append(line) }
                    continue
                }
                guard let target = reference.target, !visiting.contains(target) else {
                    report(line, role: role, kind: kind, reason: reference.target == nil ? reference.reason : "refers back to itself")
                    if kind.listPath != nil { result.list.append(line) }
                    continue
                }
                let inherited = resolve(kind, role: target, visiting: &visiting)
                guard !inherited.list.isEmpty || !inherited.tools.isEmpty else {
                    report(line, role: role, kind: kind, reason: "\(article.roles[target]) has no \(kind.section.rawValue) in this article")
                    if kind.listPath != nil { result.list.append(line) }
                    continue
                }
                let targetID = RoleNames.id(key: RoleNames.key(article.roles[target]))
                for var item in inherited.list {
                    item.inheritedFrom = item.inheritedFrom ?? targetID
                    (item.sources, item.inheritedIn, item.variants) = ([article.id], [article.id], [])
                    result.list.append(item)
                }
                for var tool in inherited.tools {
                    tool.inheritedFrom = tool.inheritedFrom ?? targetID
                    (tool.sources, tool.inheritedIn) = ([article.id], [article.id])
                    result.tools.append(tool)
                }
                guard let additions = reference.additions else { continue }
                if kind == .tools {
                    result.tools += RoleReferences.toolNames(additions).map { ToolItem(name: $0, sources: [article.id]) }
                } else {
                    let text = additions.prefix(1).uppercased() + additions.dropFirst()
                    result.list.append(ListItem(text: text, sources: [article.id]))
                }
            }
            visiting.remove(role)
            resolved[kind, default: [:]][role] = result
            return result
        }

        private mutating func report(_ line: ListItem, role: Int, kind: Kind, reason: String) {
            let entry = UnresolvedReference(
                article: article.id, role: article.roles[role], section: kind.section, text: line.text, reason: reason)
            if !unresolved.contains(entry) { unresolved.append(entry) }
        }
    }
}
