/// An item that points at another role's list instead of listing: "All tools used by Machine
/// Learning Engineers.", "Same skills as a Data Analyst, plus:". The parser keeps it as an item;
/// the repository resolves it to the named role's items, marked inherited (`RoleReferences`).
/// Here it is only recognised, so that a reference to no role of the article is reported.
enum ReferenceRule {
    enum Reference: Equatable {
        case role(Int)
        /// Reads as a reference, but names no role the article compares.
        case unresolved
    }

    static func reference(_ text: String, from currentRole: Int?, _ roles: ArticleRoles) -> Reference? {
        // Most items start otherwise: decided on the first byte, before folding.
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "a") || first | 0x20 == UInt8(ascii: "s") || first | 0x20 == UInt8(ascii: "t")
            || first | 0x20 == UInt8(ascii: "e"), LinePatterns.wordCount(text) <= 12
        else { return nil }
        let folded = TextKey.fold(text)
        guard openings.contains(where: { folded.hasPrefixFast($0) }), TextKey.contains(" " + folded + " ", " by ") || TextKey.contains(" " + folded + " ", " as ")
        else { return nil }
        guard let role = roles.matcher.earliestMention(folded: folded) else { return .unresolved }
        return role == currentRole ? nil : .role(role)
    }

    private static let openings = ["all tools", "all the tools", "all skills", "all the skills", "same tools", "the same tools", "same skills", "the same skills", "same as", "the same as", "everything used by", "all of those used by"]
}
