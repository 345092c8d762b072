/// Tool categories, whatever their words:
/// - a line that only names one ("Frameworks:", "- Experiment Tracking:", "**Cloud**") opens a
///   category for the tool bullets below it (nested ones when it is a bullet itself);
/// - "Category: a, b, c" names the category before the colon and the tools after it, even when
///   the category is a word no list knows ("Experimentation: internal A/B testing platforms,
///   Optimizely."), so it never becomes a tool itself.
enum CategoryLineRule {
    /// The category `line` opens, under Tools; nil for any other line.
    static func categoryLine(_ line: ArticleLine, bullet: LinePatterns.Bullet?, _ context: LayoutContext) -> ToolCategoryLine? {
        guard context.sectionKind == .tools else { return nil }
        var text = line.text
        if case .item(let item)? = bullet { text = item }
        if bullet == .lone { return nil }
        var name = Substring(text)
        if name.last == ":" {
            while name.last == ":" { name = name.dropLast() }
        } else if !(line.wholeLineBold && bullet == nil) {
            return nil
        }
        name = name.trimmingSpaces()
        guard !name.isEmpty, LinePatterns.wordCount(name) <= 5, !name.contains(":"), !LeadInRule.announcesList(TextKey.fold(String(name)))
        else { return nil }
        return ToolCategoryLine(name: String(name), indent: line.indent, isBullet: bullet != nil)
    }

    /// "Category: a, b, c" under Tools as a category and its tools, when the tool list reader
    /// would not keep the category (it took the label for a tool, or found no tools): at least
    /// two short items after the colon.
    static func labelledTools(_ text: String, source: String, parsed: [ToolItem]?) -> [ToolItem]? {
        guard let (label, rest) = LinePatterns.label(text) else { return nil }
        // Only when the reader took the label for a tool (`describedTool` names it first) or read nothing.
        if let parsed, parsed.first?.name != label { return nil }
        let items = ToolList.withoutOpenEnd(ToolList.split(ToolList.withoutTrailingPeriod(rest), andOnlyInLastItem: true))
        guard items.count >= 2, items.allSatisfy({ LinePatterns.wordCount($0) <= 5 }) else { return nil }
        return items.map { ToolItem(name: $0, category: label, sources: [source]) }
    }
}
