/// Prose under Definitions that names no role by its layout: "A Data Scientist is …. They ….
/// A Data Engineer, on the other hand, …". Each sentence goes to the role it is about, sentences
/// naming none to the role before them (across paragraphs: "They also …" continues the last
/// definition), unless they speak of both roles.
struct DefinitionProse {
    let matcher: RoleMatcher

    /// The paragraph's sentences grouped by the role they define (nil: shared text); `lastDefined`
    /// is the role the previous paragraph ended with.
    func groups(_ text: String, lastDefined: Int?) -> [(role: Int?, paragraph: String)] {
        var groups: [(role: Int?, sentences: [String])] = []
        for sentence in Sentences.split(text).flatMap(roleClauses) {
            let folded = TextKey.fold(sentence)
            let previous = groups.isEmpty ? (Self.speaksOfBothRoles(folded) ? nil : lastDefined) : groups.last?.role
            let role = subjectRole(sentence, folded: folded) ?? previous
            if let index = groups.indices.last, groups[index].role == role {
                groups[index].sentences.append(sentence)
            } else {
                groups.append((role, [sentence]))
            }
        }
        return groups.map { ($0.role, $0.sentences.joined(separator: " ")) }
    }

    /// The role a sentence is about: after an opening subordinate clause ("Unlike a Statistician,
    /// a Data Scientist …", "While Data Scientists …, Data Analysts …") the one after its comma.
    private func subjectRole(_ sentence: String, folded: String) -> Int? {
        let padded = folded + " "
        if Self.subordinateOpenings.contains(where: { padded.hasPrefixFast($0) }), let comma = sentence.firstIndex(of: ","),
            let role = matcher.earliestMention(in: String(sentence[sentence.index(after: comma)...])) {
            return role
        }
        return matcher.earliestMention(folded: folded)
    }

    /// "A Data Steward curates domains, whereas a Data Governance Manager runs the program.": two
    /// roles defined in one sentence. It is split where a clause (", whereas", ", while", ", but",
    /// ", and", "; ") opens with another role as its subject, so each role gets its own part.
    private func roleClauses(_ sentence: String) -> [String] {
        guard let first = subjectRole(sentence, folded: TextKey.fold(sentence)) else { return [sentence] }
        for separator in Self.clauseSeparators {
            for range in sentence.rangesFast(of: separator) {
                let tail = sentence[range.upperBound...]
                var foldedTail = TextKey.fold(String(tail.prefix(200)))
                for article in ["a ", "an ", "the "] where foldedTail.hasPrefix(article) { foldedTail.removeFirst(article.count) }
                guard let role = matcher.mentionAtStart(folded: foldedTail), role != first else { continue }
                return [String(sentence[..<range.lowerBound]) + ".", String(tail).capitalisedFirst]
            }
        }
        return [sentence]
    }

    private static let clauseSeparators = [", whereas ", ", while ", ", whilst ", ", but ", ", and ", "; "]

    private static let subordinateOpenings = [
        "unlike ", "while ", "whereas ", "compared to ", "compared with ", "in contrast to ", "in contrast with ", "like ",
        "as opposed to ", "although ", "though ", "just like ",
    ]

    private static func speaksOfBothRoles(_ folded: String) -> Bool {
        let padded = " " + folded + " "
        return [" both ", " the two roles ", " these roles ", " each role ", " either role "].contains { TextKey.contains(padded, $0) }
    }
}

extension String {
    /// The text with its first character upper-cased ("healthcare" → "Healthcare").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
