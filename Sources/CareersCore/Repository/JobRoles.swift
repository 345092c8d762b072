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
/// `/jobs?role=` lists them: title matches (by job id), then similar, then featured (each best
/// score first, then by job id).
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
    static func build(
        titleKeys: [String], titles: [String], foldedTitles: [String], roles: [Role], featured: [[Int]]
    ) -> (JobRoles, links: [[JobRoleLink]]) {
        let (roleIDs, roleTitles) = (roles.map(\.id), roles.map(\.title))
        let phrases = TitlePhrases(roles: roles)
        let similarity = Similarity(roles: roles)
        var titleBuckets = [[Int32]](repeating: [], count: roles.count)
        var similarBuckets = [[(position: Int32, score: Double)]](repeating: [], count: roles.count)
        var featuredBuckets = [[(position: Int32, score: Double)]](repeating: [], count: roles.count)
        var links: [[JobRoleLink]] = []
        links.reserveCapacity(titles.count)
        // Titles repeat across postings: each distinct one is matched once.
        var titleMatches: [String: [Int]] = [:]
        // Titles as written repeat, or differ in a number ("Data Engineer 2"): each digitless
        // title is read once, and titles with the same words share their similar roles.
        var titleCache: [String: Similarity.Title] = [:]
        var similarCache: [Similarity.Key: [(role: Int, score: Double)]] = [:]
        for position in titles.indices {
            let titleKey = titleKeys[position]
            let named: [Int]
            if let known = titleMatches[titleKey] {
                named = known
            } else {
                named = Array(Set(phrases.matches(titleKey))).sorted()
                titleMatches[titleKey] = named
            }
            let digitless = Self.withoutDigits(titles[position])
            let title: Similarity.Title
            if let known = titleCache[digitless] {
                title = known
            } else {
                var read = similarity.title(titles[position], folded: foldedTitles[position])
                if let known = similarCache[read.key] {
                    read.similar = known
                } else {
                    similarity.findSimilar(&read)
                    similarCache[read.key] = read.similar
                }
                titleCache[digitless] = read
                title = read
            }
            var jobLinks: [JobRoleLink] = []
            func link(_ role: Int, _ reason: JobRoleReason, _ score: Double) {
                jobLinks.append(JobRoleLink(id: roleIDs[role], title: roleTitles[role], reason: reason, score: score))
            }
            for role in named {
                link(role, .title, 1)
                titleBuckets[role].append(Int32(position))
            }
            var linked = named
            var similarCount = 0
            for (role, score) in title.similar where similarCount < similarPerJob && !named.contains(role) {
                linked.append(role)
                link(role, .similar, score)
                similarBuckets[role].append((Int32(position), score))
                similarCount += 1
            }
            let featuredRoles = featured[position]
            for role in featuredRoles.count > 1 ? featuredRoles.sorted() : featuredRoles where !linked.contains(role) {
                linked.append(role)
                let score = similarity.score(role: role, title: title)
                link(role, .featured, score)
                featuredBuckets[role].append((Int32(position), score))
            }
            links.append(jobLinks)
        }
        func bestFirst(_ bucket: [(position: Int32, score: Double)]) -> [Int32] {
            bucket.sorted { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }.map(\.position)
        }
        let ordered = roles.indices.map { role in titleBuckets[role] + bestFirst(similarBuckets[role]) + bestFirst(featuredBuckets[role]) }
        return (JobRoles(ordered: ordered), links)
    }

    /// The title without its ASCII digits (the score ignores numbers).
    static func withoutDigits(_ title: String) -> String {
        guard title.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return title }
        return String(decoding: title.utf8.filter { $0 < 0x30 || $0 > 0x39 }, as: UTF8.self)
    }

    /// Roles whose name or alias a title key contains as a run of words: a trie of the roles'
    /// keys over word ids, so a title costs one hash per word (not one per run of words).
    private struct TitlePhrases {
        private var wordIDs: [Substring: Int32] = [:]
        /// Per trie node (0 is the root), its children by word id.
        private var children: [[Int32: Int32]] = [[:]]
        /// Per trie node, the roles whose name or alias ends there.
        private var rolesAt: [[Int]] = [[]]

        init(roles: [Role]) {
            for (index, role) in roles.enumerated() {
                for name in [role.title] + role.aliases {
                    let key = RoleNames.key(name)
                    guard !key.isEmpty else { continue }
                    var node = 0
                    for word in key.split(separator: " ") {
                        let id = wordIDs[word] ?? Int32(wordIDs.count)
                        wordIDs[word] = id
                        if let next = children[node][id] {
                            node = Int(next)
                        } else {
                            children[node][id] = Int32(children.count)
                            node = children.count
                            children.append([:])
                            rolesAt.append([])
                        }
                    }
                    if !rolesAt[node].contains(index) { rolesAt[node].append(index) }
                }
            }
        }

        /// The roles (with repeats) whose phrases a title key contains as a run of words.
        func matches(_ titleKey: String) -> [Int] {
            var matches: [Int] = []
            let ids = titleKey.split(separator: " ").map { wordIDs[$0] ?? -1 }
            for start in ids.indices where ids[start] >= 0 {
                var node = 0
                for position in start..<ids.count {
                    guard ids[position] >= 0, let next = children[node][ids[position]] else { break }
                    node = Int(next)
                    matches += rolesAt[node]
                }
            }
            return matches
        }
    }

    /// The `similar` score: titles and role names as sets of canonical words, each word an id in
    /// a vocabulary of the roles' words and their synonyms (a title's other words only count).
    struct Similarity {
        /// A set of words: the known ones as sorted ids, and how many others.
        struct Words: Hashable {
            var known: [Int32]
            var unknown: Int
            var count: Int { known.count + unknown }
        }

        struct Key: Hashable {
            var full: Words
            var core: Words
        }

        struct Title {
            /// The title with and without its qualifier (the same set when it has none).
            var full: Words
            var core: Words
            /// Roles at or above the threshold, best first (ties by role position).
            var similar: [(role: Int, score: Double)]
            var key: Key { Key(full: full, core: core) }
        }

        private let vocabulary: [String: Int32]
        /// Synonym group of each word id, -1 for none.
        private let groupOf: [Int]
        /// Per role, the word sets of its name and aliases (distinct).
        private let roleWords: [[[Int32]]]
        /// Per word id, the roles using it.
        private let rolesByWord: [[Int]]
        /// Long forms written as the short ones role keys expand ("machine learning" → "ml").
        private static let contractions = RoleNames.abbreviations.map { (long: $0.long.split(separator: " ").map(String.init), short: $0.short) }

        init(roles: [Role]) {
            var vocabulary: [String: Int32] = [:]
            var groupOf: [Int] = []
            func id(_ word: String) -> Int32 {
                if let known = vocabulary[word] { return known }
                let new = Int32(groupOf.count)
                vocabulary[word] = new
                groupOf.append(synonyms.firstIndex { $0.contains(Substring(word)) } ?? -1)
                return new
            }
            for group in synonyms { for word in group.sorted() { _ = id(String(word)) } }
            var roleWords: [[[Int32]]] = []
            for role in roles {
                var sets: [[Int32]] = []
                for name in [role.title] + role.aliases {
                    let words = Self.words(RoleNames.key(name)).map(id).sorted()
                    if !words.isEmpty && !sets.contains(words) { sets.append(words) }
                }
                roleWords.append(sets)
            }
            var rolesByWord = [[Int]](repeating: [], count: groupOf.count)
            for (index, sets) in roleWords.enumerated() {
                for word in Set(sets.joined()) { rolesByWord[Int(word)].append(index) }
            }
            self.vocabulary = vocabulary
            self.groupOf = groupOf
            self.roleWords = roleWords
            self.rolesByWord = rolesByWord
        }

        private func ids(_ words: [String]) -> Words {
            var known: [Int32] = []
            var unknown = 0
            for word in words {
                if let id = vocabulary[word] { known.append(id) } else { unknown += 1 }
            }
            known.sort()
            return Words(known: known, unknown: unknown)
        }

        /// Folded words, long forms contracted, singular, without numbers, seniority and stop
        /// words; sorted, distinct.
        static func words(_ folded: String) -> [String] {
            var words: [String] = []
            var contract = false
            for word in folded.split(separator: " ") {
                // A number ("Data Engineer 2", "Level 3") says nothing of the role.
                if word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) || seniorityWords.contains(word) || stopWords.contains(word) { continue }
                let singular = word.hasSuffix("s") ? RoleNames.singular(String(word)) : String(word)
                contract = contract || contractionStarts.contains(singular)
                words.append(singular)
            }
            if contract {
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
            }
            words.sort()
            var distinct: [String] = []
            for word in words where distinct.last != word { distinct.append(word) }
            return distinct
        }

        private static let contractionStarts = Set(contractions.map { $0.long[0] })

        /// A title's words with and without its qualifier (`similar` still empty).
        func title(_ text: String, folded: String) -> Title {
            let full = ids(Self.words(folded))
            let core = Self.qualifierStart(text).map { ids(Self.words(TextKey.fold(String(text[..<$0])))) } ?? full
            return Title(full: full, core: core, similar: [])
        }

        /// Fills in the roles at or above the threshold, best first.
        func findSimilar(_ title: inout Title) {
            var candidates: Set<Int> = []
            for word in Set(title.full.known + title.core.known) {
                candidates.formUnion(rolesByWord[Int(word)])
                let group = groupOf[Int(word)]
                guard group >= 0 else { continue }
                for synonym in synonyms[group] {
                    if let id = vocabulary[String(synonym)] { candidates.formUnion(rolesByWord[Int(id)]) }
                }
            }
            title.similar = []
            for role in candidates {
                let value = score(role: role, title: title)
                if value >= similarThreshold { title.similar.append((role, value)) }
            }
            title.similar.sort { $0.score != $1.score ? $0.score > $1.score : $0.role < $1.role }
        }

        /// The best of the role's names against the title with and without its qualifier, rounded to 0.01.
        func score(role: Int, title: Title) -> Double {
            var best = 0.0
            for words in roleWords[role] {
                best = max(best, dice(words, title.full), dice(words, title.core))
            }
            return (best * 100).rounded() / 100
        }

        private func dice(_ role: [Int32], _ title: Words) -> Double {
            guard !role.isEmpty, title.count > 0 else { return 0 }
            var matched = 0.0
            for word in role {
                if title.known.contains(word) {
                    matched += 1
                } else if groupOf[Int(word)] >= 0, title.known.contains(where: { groupOf[Int($0)] == groupOf[Int(word)] }) {
                    matched += synonymWeight
                }
            }
            return 2 * matched / Double(role.count + title.count)
        }

        /// Where the qualifier begins: "Senior Data Scientist, Pricing", "ML Engineer - Ads",
        /// "Data Engineer (Remote)", "Analyst | Growth", "… – …", "… — …". One pass over the bytes.
        static func qualifierStart(_ text: String) -> String.Index? {
            func offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
                let space = UInt8(ascii: " ")
                for index in bytes.indices {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "(") { return index }
                    guard byte == space, index + 2 < bytes.count else { continue }
                    let next = bytes[index + 1]
                    // " - ", " | ", and the en and em dashes (E2 80 93, E2 80 94) between spaces.
                    if (next == UInt8(ascii: "-") || next == UInt8(ascii: "|")) && bytes[index + 2] == space { return index }
                    if next == 0xE2, index + 4 < bytes.count, bytes[index + 2] == 0x80, bytes[index + 3] == 0x93 || bytes[index + 3] == 0x94,
                        bytes[index + 4] == space {
                        return index
                    }
                }
                return nil
            }
            let found = text.utf8.withContiguousStorageIfAvailable(offset) ?? Array(text.utf8).withUnsafeBufferPointer(offset)
            return found.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
        }
    }
}
