/// Above the first section: the "4 min read · date" line, a repeated title, and the subtitle (the
/// first line that is no sentence, before any intro text).
enum HeaderFieldRule {
    static func field(_ line: ArticleLine, _ context: LayoutContext, titleFolded: String) -> HeaderField? {
        let text = line.text
        let minutes = ArticleHeader.readingMinutes(text)
        let date = LinePatterns.wordCount(text) <= 12 ? ArticleHeader.isoDate(text) : nil
        if minutes != nil || date != nil { return .byline(minutes: minutes, date: date) }
        if line.folded == titleFolded { return .repeatedTitle }
        if !context.hasSubtitle && !context.hasIntro && !LinePatterns.endsSentence(text) && text.count <= 200 { return .subtitle }
        return nil
    }
}
