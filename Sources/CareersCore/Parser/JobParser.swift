/// Featured job postings at an article's end, in both layouts the site produces:
///   Featured Job 👀 / title / @ company | location / "Full Time Senior-level / Expert USD 120K - 150K"
/// and the same without markers or blank lines, where each posting's meta line runs straight into
/// the next title ("… USD 100K - 130KSenior Data Scientist").
enum JobParser {
    static let employmentTypes: [(words: String, type: EmploymentType)] = [
        ("full time", .fullTime), ("full-time", .fullTime), ("fulltime", .fullTime),
        ("part time", .partTime), ("part-time", .partTime), ("parttime", .partTime),
        ("contractor", .contract), ("contract", .contract), ("internship", .internship),
        ("temporary", .temporary), ("freelance", .freelance),
    ]

    /// Longest first, so that "Senior-level / Expert" is not read as "Senior-level".
    static let levels: [(words: String, level: JobLevel)] = [
        ("entry-level / junior", .entry), ("mid-level / intermediate", .mid), ("senior-level / expert", .senior),
        ("executive-level / director", .executive),
        ("entry-level", .entry), ("entry level", .entry), ("mid-level", .mid), ("mid level", .mid),
        ("senior-level", .senior), ("senior level", .senior), ("executive-level", .executive), ("executive level", .executive),
        ("junior", .entry), ("intermediate", .mid), ("expert", .senior), ("director", .executive),
    ].sorted { $0.words.count > $1.words.count }

    struct Meta {
        var types: [EmploymentType] = []
        var level: JobLevel?
        var levelLabel: String?
        var salary: Salary?
    }

    /// `parseMeta` of one line, remembered: the assembler already parsed many job lines' meta
    /// while finding the job blocks, and the answer is the same here (same text, same function).
    enum KnownMeta {
        case unknown
        case absent
        case present(Meta, Substring)

        init(_ parsed: (Meta, Substring)?) {
            self = parsed.map { .present($0.0, $0.1) } ?? .absent
        }
    }

    static func parse(_ physicalLines: [(line: ArticleLine, meta: KnownMeta)]) -> [JobPosting] {
        parseNumbered(physicalLines).map(\.posting)
    }

    /// The postings with the number of the line each one's meta (or last) line is on.
    static func parseNumbered(_ physicalLines: [(line: ArticleLine, meta: KnownMeta)]) -> [(posting: JobPosting, line: Int)] {
        // Lines split out of a one-line posting are new text: their meta is not known yet.
        var lines: [(line: ArticleLine, meta: KnownMeta)] = []
        lines.reserveCapacity(physicalLines.count)
        for entry in physicalLines {
            if let split = oneLinePostings(entry.line.text) {
                lines += split.map { (line: ArticleLine(number: entry.line.number, text: $0), meta: KnownMeta.unknown) }
            } else {
                lines.append(entry)
            }
        }
        var postings: [(posting: JobPosting, line: Int)] = []
        var pendingTitle: String?
        var open: (title: String, company: String?, location: String?)?
        var awaitingMeta = false
        var lineNumber = 0

        func close(_ meta: Meta = Meta()) {
            guard let posting = open else { return }
            postings.append((JobPosting(
                title: posting.title, company: posting.company, location: posting.location,
                employmentTypes: meta.types, level: meta.level, levelLabel: meta.levelLabel, salary: meta.salary), lineNumber))
            open = nil
        }

        for (line, known) in lines {
            lineNumber = line.number
            let text = line.text
            if LinePatterns.isFeaturedJobMarker(folded: line.folded) {
                close()
                awaitingMeta = false
                pendingTitle = nil
                continue
            }
            if text.hasPrefixFast("@") {
                close()
                guard let title = pendingTitle else { continue }
                let place = text.dropFirst().trimmingSpaces()
                let parts = place.splitOnce(at: UInt8(ascii: "|")).map { String($0.trimmingSpaces()) }
                open = (title, parts.first.flatMap { $0.isEmpty ? nil : $0 }, parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
                pendingTitle = nil
                awaitingMeta = true
                continue
            }
            if awaitingMeta, let (meta, rest) = meta(of: text, known) {
                close(meta)
                awaitingMeta = false
                let glued = rest.trimmingSpaces()
                pendingTitle = glued.isEmpty ? nil : String(glued)
                continue
            }
            close()
            awaitingMeta = false
            pendingTitle = text
        }
        close()
        return postings
    }

    private static func meta(of text: String, _ known: KnownMeta) -> (Meta, Substring)? {
        switch known {
        case .unknown: parseMeta(Substring(text))
        case .absent: nil
        case .present(let meta, let rest): (meta, rest)
        }
    }

    /// "Title @ Company | Place Full Time … USD 110K - 140KNext Title @ Company | Place …": postings
    /// that lost every line break, as the lines of the usual layout (title, "@ company | place",
    /// meta), or nil when the text is not that. Each place ends where a meta line would start.
    static func oneLinePostings(_ text: String) -> [String]? {
        // Cheap rejections first (most lines are prose): every posting needs a "|" after its " @ ",
        // so a line without any "|" byte cannot be one; the byte scan costs far less than the
        // Substring work below.
        guard !text.hasPrefixFast("@"), text.containsByte(UInt8(ascii: "|")), TextKey.contains(text, " @ ") else { return nil }
        var lines: [String] = []
        var rest = Substring(text)
        while let at = rest.firstRangeFast(of: " @ ") {
            let title = rest[..<at.lowerBound].trimmingSpaces()
            let place = rest[at.upperBound...]
            guard !title.isEmpty, let bar = place.firstIndex(of: "|"),
                let (location, meta) = splitAtMeta(place[place.index(after: bar)...]),
                let (_, after) = parseMeta(meta)
            else { return nil }
            lines += [String(title), "@ " + place[..<bar].trimmingSpaces() + " | " + location, String(meta[..<after.startIndex])]
            rest = after
        }
        guard rest.trimmingSpaces().isEmpty else { return nil }
        return lines.isEmpty ? nil : lines
    }

    /// "New York, NY Full Time Mid-level …" → ("New York, NY", "Full Time Mid-level …"): the place
    /// ends at the first word where employment types, a level or a salary start.
    private static func splitAtMeta(_ text: Substring) -> (String, Substring)? {
        var index = text.startIndex
        while index < text.endIndex {
            if index > text.startIndex, text[text.index(before: index)] == " ", parseMeta(text[index...]) != nil {
                return (String(text[..<index].trimmingSpaces()), text[index...])
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Employment types, then the level, then the salary; returns them and any text glued after.
    static func parseMeta(_ text: Substring) -> (Meta, Substring)? {
        // `splitAtMeta` tries every word of a place, so most calls fail: reject on the first
        // significant byte before any Character work.
        guard mayStartMeta(text.utf8) else { return nil }
        var meta = Meta()
        var cursor = text.trimmingSpaces()
        var matchedSomething = false
        typeLoop: while true {
            cursor = droppingSeparators(cursor)
            for entry in employmentTypes where hasPrefixWord(cursor, entry.words) {
                if !meta.types.contains(entry.type) { meta.types.append(entry.type) }
                cursor = splitMatched(cursor, entry.words).rest
                matchedSomething = true
                // "Full Time / Contract", "Full-time & Part-time", "Contract or Full Time".
                let next = droppingSeparators(cursor)
                for joiner in typeJoiners where next.utf8.starts(with: joiner.utf8) {
                    cursor = next.dropFirst(joiner.utf8.count)
                    break
                }
                continue typeLoop
            }
            break
        }
        cursor = droppingSeparators(cursor)
        for entry in levels where hasPrefixWord(cursor, entry.words) {
            let (label, rest) = splitMatched(cursor, entry.words)
            meta.level = entry.level
            meta.levelLabel = String(label)
            cursor = rest
            matchedSomething = true
            break
        }
        if let (salary, rest) = SalaryParser.parse(cursor) {
            meta.salary = salary
            cursor = rest
            matchedSomething = true
        }
        return matchedSomething ? (meta, cursor) : nil
    }

    private static let typeJoiners = ["/ ", "& ", "| ", "+ ", "or ", "and "]

    /// `text.drop(while: { $0 == " " || $0 == "," || $0 == "·" })`, on the bytes (grapheme breaking
    /// dominated parseMeta). Where the bytes stop at a non-ASCII byte after skipping something, it
    /// may be a combining mark that makes the last separator another Character: then the
    /// Character-based drop decides, so the result is always the same.
    private static func droppingSeparators(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x2C {
                index = utf8.index(after: index)
                continue
            }
            if byte == 0xC2 {  // "·" is C2 B7
                let next = utf8.index(after: index)
                if next < utf8.endIndex, utf8[next] == 0xB7 {
                    index = utf8.index(after: next)
                    continue
                }
            }
            break
        }
        if index > utf8.startIndex, index < utf8.endIndex, utf8[index] >= 0x80 {
            return text.drop(while: { $0 == " " || $0 == "," || $0 == "·" })
        }
        return text[index...]
    }

    /// `(text.prefix(n), text.dropFirst(n))` with n = `words.count`, after `hasPrefixWord(text,
    /// words)` matched: those n bytes are ASCII (the words are), so they are n Characters, and the
    /// split is on the bytes unless a non-ASCII byte follows (a combining mark would join the last
    /// Character): then the Character-based split decides.
    private static func splitMatched(_ text: Substring, _ words: String) -> (label: Substring, rest: Substring) {
        let utf8 = text.utf8
        let count = words.utf8.count
        let end = utf8.index(utf8.startIndex, offsetBy: count)
        if end == utf8.endIndex || utf8[end] < 0x80 { return (text[..<end], text[end...]) }
        return (text.prefix(count), text.dropFirst(count))
    }

    /// ASCII bytes that can start an employment type, a level (either case: `hasPrefixWord` folds
    /// the text) or a salary (a currency code, which `SalaryParser` matches case-sensitively, or "$").
    private static let metaStartBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for words in employmentTypes.map(\.words) + levels.map(\.words) {
            guard let first = words.utf8.first, first < 0x80 else { continue }
            table[Int(first)] = true
            if first >= 0x61 && first <= 0x7A { table[Int(first - 0x20)] = true }
            if first >= 0x41 && first <= 0x5A { table[Int(first | 0x20)] = true }
        }
        for code in SalaryParser.currencyCodes {
            if let first = code.utf8.first, first < 0x80 { table[Int(first)] = true }
        }
        for symbol in SalaryParser.currencySymbols.keys {
            if let first = String(symbol).utf8.first, first < 0x80 { table[Int(first)] = true }
        }
        return table
    }()

    /// False only when `parseMeta` must fail: the first byte after the separators it skips
    /// (whitespace, ",", and — trimmed again by `SalaryParser` — more whitespace) is ASCII and
    /// starts no type, level or currency. Any non-ASCII byte ("·", "€", Unicode spaces) is left to
    /// the full parse, so this never rejects text the Character-based code would accept.
    private static func mayStartMeta(_ bytes: Substring.UTF8View) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return true }
            // Every control byte is skipped too, not just 0x09–0x0D: skipping more than the
            // parser does only lets more text through to it.
            if byte <= 0x20 || byte == 0x2C { continue }
            return metaStartBytes[Int(byte)]
        }
        return false
    }

    /// A case-insensitive prefix that ends at a word boundary, or where the next posting's title
    /// was glued on (an upper-case letter follows).
    private static func hasPrefixWord(_ text: Substring, _ words: String) -> Bool {
        // Most entries differ in the first byte (no entry starts with "-", the one pattern byte a
        // space may stand for): rejected before any buffer is asked for.
        if let first = text.utf8.first, let expected = words.utf8.first, expected != 0x2D,
            (first >= 0x41 && first <= 0x5A ? first | 0x20 : first) != expected {
            return false
        }
        // On the buffers when both have one (always, for native strings): iterating the views
        // pairwise cost most of `parseMeta`, which tries every type and level at each step.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes in
            words.utf8.withContiguousStorageIfAvailable { hasPrefixWord(bytes, $0) }
        }) ?? nil {
            return answer
        }
        let bytes = text.utf8
        let pattern = words.utf8
        guard bytes.count >= pattern.count else { return false }
        // A hyphen in a label may be written as a space: "Mid Level / Intermediate".
        guard zip(bytes, pattern).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 || ($1 == 0x2D && $0 == 0x20) })
        else { return false }
        guard let next = bytes.dropFirst(pattern.count).first else { return true }
        // A complete long label ("Senior-level / Expert") stands whatever follows ("ExpertiOS …").
        if pattern.contains(UInt8(ascii: "/")) { return true }
        // A letter may follow only when it starts the next posting's title (glued, upper case).
        let isLower = next >= 0x61 && next <= 0x7A
        return !isLower
    }

    /// `hasPrefixWord` on the bytes of both.
    private static func hasPrefixWord(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for index in 0..<pattern.count {
            let byte = bytes[index]
            let expected = pattern[index]
            guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected || (expected == 0x2D && byte == 0x20) else { return false }
        }
        guard bytes.count > pattern.count else { return true }
        if pattern.contains(UInt8(ascii: "/")) { return true }
        let next = bytes[pattern.count]
        return !(next >= 0x61 && next <= 0x7A)
    }
}
