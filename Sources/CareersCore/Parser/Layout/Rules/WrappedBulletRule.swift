/// A bullet hard-wrapped by its writer: "- Find stories in datasets such as census tables," then
/// "  court records, and budget documents." The line continues the item when the item does not
/// end a sentence (`ListCursor.open(continuable:)`) and the line starts in lower case (a new
/// item or paragraph would not).
enum WrappedBulletRule {
    /// Also a line indented past its item's marker ("- Experience with" / "  Python and SQL.").
    static func continues(_ line: ArticleLine, itemIndent: Int) -> Bool {
        guard let first = line.text.unicodeScalars.first else { return false }
        guard first.properties.isLowercase || (line.indent > itemIndent && line.indent > 0 && !line.isMarkedHeading) else { return false }
        return !LinePatterns.isBullet(line.text)
    }

    /// Whether an item ending so may go on on the next line.
    static func isContinuable(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return !".!?:".contains(last)
    }
}
