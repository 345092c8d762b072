/// Lines of the site's page around the article that carry no content: the table of contents
/// marker. (The salary links and related articles that end the page are cut before the layout
/// is read: `LinePatterns.isStopMarker`.)
enum SiteFurnitureRule {
    static func isFurniture(_ line: ArticleLine) -> Bool {
        LinePatterns.isTableOfContents(folded: line.folded)
    }
}
