/// Which roles each job relates to, and why (`JobRoleReason`), computed once per repository:
/// - `title`: the title's words contain the role's name or an alias as a run ("Senior Data
///   Scientist, Pricing" → data-scientist; "Lead ML Engineer" → lead-machine-learning-engineer and
///   machine-learning-engineer), so seniority and qualifiers around it do not matter;
/// - `similar`: the Dice coefficient of the title's words and the role's name's words is at least
///   `similarThreshold`, with seniority words, stop words and the qualifier after a comma, dash
///   or parenthesis set aside (the score is the better of the title with and without its
///   qualifier), long forms written short ("machine learning" → "ml"), and a word matching one of
///   its synonyms (`synonyms`: AI/ML, Engineer/Developer) counting `synonymWeight`. At most
///   `similarPerJob` roles per job, best first;
/// - `featured`: an article comparing the role lists the job.
/// A job relates to a role once, for its strongest reason. Each role's jobs are kept in the order
/// `/jobs?role=` lists them: title matches, then similar (best score first), then featured, each
/// by job id.
struct JobRoles: Sendable {
    static let similarThreshold = 0.7
    static let synonymWeight = 0.8
    static let similarPerJob = 8

    /// Words of a job title that say its seniority or level, not its role.
    static let seniorityWords: Set<Substring> = [
        "senior", "sr", "junior", "jr", "lead", "principal", "staff", "head", "chief", "associate", "assistant", "intern",
        "internship", "trainee", "entry", "mid", "level", "i", "ii", "iii", "iv",
    ]
    static let stopWords: Set<Substring> = ["of", "and", "the", "for", "in", "at", "to", "with", "a", "an", "on", "+", "#"]
    /// Words that stand for each other in titles, as groups.
    static let synonyms: [Set<Substring>] = [["ai", "ml"], ["engineer", "developer"]]

    /// Per role (repository order), its job positions in listing order.
    let ordered: [[Int32]]

    /// `titleKeys` are the jobs' titles as role keys (`RoleNames.key`), `titles` as written;
    /// `featured` gives the positions of the roles of the articles that feature each job. Returns
    /// each job's links too (same order as the jobs), for the jobs to carry.
    static func build(titleKeys: [String], titles: [String], roles: [Role], featured: [[Int]]) -> (JobRoles, links: [[JobRoleLink]]) {
        let phrases = TitlePhrases(roles: roles)
        let similarity = Similarity(roles: roles)
        var titleBuckets = [[Int32]](repeating: [], count: roles.count)
        var similarBuckets = [[(position: Int32, score: Double)]](repeating: [], count: roles.count)
        var featuredBuckets = [[Int32]](repeating: [], count: roles.count)
        var links: [[JobRoleLink]] = []
        links.reserveCapacity(titles.count)
        // Titles repeat across postings: each distinct one is matched once.
        var titleMatches: [String: [Int]] = [:]
        var similarMatches: [String: Similarity.Title] = [:]
        for position in titles.indices {
            let titleKey = titleKeys[position]
            let named: [Int]
            if let known = titleMatches[titleKey] {
                named = known
            } else {
                named = Array(Set(phrases.matches(titleKey))).sorted()
                titleMatches[titleKey] = named
            }
            let title: Similarity.Title
            if let known = similarMatches[titles[position]] {
                title = known
            } else {
                title = similarity.title(titles[position])
                similarMatches[titles[position]] = title
            }
            var jobLinks: [JobRoleLink] = []
            func link(_ role: Int, _ reason: JobRoleReason, _ score: Double) {
                jobLinks.append(JobRoleLink(id: roles[role].id, title: roles[role].title, reason: reason, score: score))
            }
            for role in named {
                link(role, .title, 1)
                titleBuckets[role].append(Int32(position))
            }
            var similarCount = 0
            for (role, score) in title.similar where similarCount < similarPerJob && !named.contains(role) {
                link(role, .similar, score)
                similarBuckets[role].append((Int32(position), score))
                similarCount += 1
            }
            for role in Set(featured[position]).sorted() where !jobLinks.contains(where: { $0.id == roles[role].id }) {
                link(role, .featured, similarity.score(role: role, title: title))
                featuredBuckets[role].append(Int32(position))
            }
            links.append(jobLinks)
        }
        let ordered = roles.indices.map { role in
            titleBuckets[role]
                + similarBuckets[role].sorted { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }.map(\.position)
                + featuredBuckets[role]
        }
        return (JobRoles(ordered: ordered), links)
    }

    /// Roles whose name or alias a title key contains as a run of words.
    private struct TitlePhrases {
        // Role phrases as Substrings, so a title's word run is looked up as a slice of the title
        // (its words are joined by single spaces, as keys are) rather than joined into a new String.
        var rolesByKey: [Substring: [Int]] = [:]
        var longest = 0
        var firstWords: Set<Substring> = []

        init(roles: [Role]) {
            for (index, role) in roles.enumerated() {
                for name in [role.title] + role.aliases {
                    let key = Substring(RoleNames.key(name))
                    guard !key.isEmpty else { continue }
                    if !(rolesByKey[key]?.contains(index) ?? false) { rolesByKey[key, default: []].append(index) }
                }
            }
            longest = rolesByKey.keys.map { $0.split(separator: " ").count }.max() ?? 0
            firstWords = Set(rolesByKey.keys.compactMap { $0.split(separator: " ").first })
        }

        /// The roles (with repeats) whose phrases a title key contains as a run of words.
        func matches(_ titleKey: String) -> [Int] {
            var matches: [Int] = []
            let words = titleKey.split(separator: " ")
            let singleSpaced = words.count < 2 || titleKey.utf8.count == words.reduce(words.count - 1) { $0 + $1.utf8.count }
            for start in words.indices where firstWords.contains(words[start]) {
                for end in stride(from: start + 1, through: min(words.count, start + longest), by: 1) {
                    let phrase = singleSpaced
                        ? titleKey[words[start].startIndex..<words[end - 1].endIndex] : Substring(words[start..<end].joined(separator: " "))
                    if let indexes = rolesByKey[phrase] { matches += indexes }
                }
            }
            return matches
        }
    }

    /// The `similar` score: titles and role names as sets of canonical words.
    struct Similarity {
        struct Title {
            /// The title with and without its qualifier (the same set when it has none).
            var full: [String]
            var core: [String]
            /// Roles at or above the threshold, best first (ties by role position).
            var similar: [(role: Int, score: Double)]
        }

        /// Per role, the word sets of its name and aliases (distinct).
        private let roleWords: [[[String]]]
        private let rolesByWord: [String: [Int]]
        private static let synonymGroup: [String: Int] = {
            var groups: [String: Int] = [:]
            for (index, group) in synonyms.enumerated() { for word in group { groups[String(word)] = index } }
            return groups
        }()
        /// Long forms written as the short ones role keys expand ("machine learning" → "ml").
        private static let contractions = RoleNames.abbreviations.map { (long: $0.long.split(separator: " ").map(String.init), short: $0.short) }

        init(roles: [Role]) {
            var roleWords: [[[String]]] = []
            var rolesByWord: [String: [Int]] = [:]
            for (index, role) in roles.enumerated() {
                var sets: [[String]] = []
                for name in [role.title] + role.aliases {
                    let words = Self.words(RoleNames.key(name))
                    if !words.isEmpty && !sets.contains(words) { sets.append(words) }
                }
                roleWords.append(sets)
                for word in Set(sets.joined()) where rolesByWord[word]?.last != index { rolesByWord[word, default: []].append(index) }
            }
            self.roleWords = roleWords
            self.rolesByWord = rolesByWord
        }

        /// Folded words, long forms contracted, singular, without seniority and stop words; sorted, distinct.
        static func words(_ folded: String) -> [String] {
            var words = folded.split(separator: " ").map { RoleNames.singular(String($0)) }
            for (long, short) in contractions where words.count >= long.count && words.contains(long[0]) {
                var result: [String] = []
                var index = 0
                while index < words.count {
                    if words[index...].starts(with: long) {
                        result.append(short)
                        index += long.count
                    } else {
                        result.append(words[index])
                        index += 1
                    }
                }
                words = result
            }
            return Array(Set(words.filter { !seniorityWords.contains(Substring($0)) && !stopWords.contains(Substring($0)) })).sorted()
        }

        /// A title as written: its words with and without the qualifier, and the similar roles.
        func title(_ text: String) -> Title {
            let full = Self.words(TextKey.fold(text))
            let core = Self.qualifierStart(text).map { Self.words(TextKey.fold(String(text[..<$0]))) } ?? full
            var title = Title(full: full, core: core, similar: [])
            var candidates: Set<Int> = []
            for word in Set(full + core) {
                candidates.formUnion(rolesByWord[word] ?? [])
                if let group = Self.synonymGroup[word] {
                    for synonym in synonyms[group] { candidates.formUnion(rolesByWord[String(synonym)] ?? []) }
                }
            }
            for role in candidates {
                let value = score(role: role, title: title)
                if value >= similarThreshold { title.similar.append((role, value)) }
            }
            title.similar.sort { $0.score != $1.score ? $0.score > $1.score : $0.role < $1.role }
            return title
        }

        /// The best of the role's names against the title with and without its qualifier, rounded to 0.01.
        func score(role: Int, title: Title) -> Double {
            var best = 0.0
            for words in roleWords[role] {
                best = max(best, Self.dice(words, title.full), Self.dice(words, title.core))
            }
            return (best * 100).rounded() / 100
        }

        static func dice(_ role: [String], _ title: [String]) -> Double {
            guard !role.isEmpty, !title.isEmpty else { return 0 }
            var matched = 0.0
            for word in role {
                if title.contains(word) {
                    matched += 1
                } else if let group = synonymGroup[word], title.contains(where: { synonymGroup[$0] == group }) {
                    matched += synonymWeight
                }
            }
            return 2 * matched / Double(role.count + title.count)
        }

        /// Where the qualifier begins: "Senior Data Scientist, Pricing", "ML Engineer - Ads",
        /// "Data Engineer (Remote)", "Analyst | Growth".
        static func qualifierStart(_ text: String) -> String.Index? {
            [",", " - ", " – ", " — ", "(", " | "].compactMap { separator in
                TextKey.offset(of: separator, in: text).map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
            }.min()
        }
    }
}
