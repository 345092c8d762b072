// libFuzzer target for the article parser and the job-lines reader: every input is read as an
// article file and as a JSON-lines jobs file. Built by Fuzz/run-articles with
// `swiftc -sanitize=fuzzer` over the parser's sources, so it exercises the code the server runs.
// What it checks besides "no crash": what comes out points back into the input (reading issues
// and rejections name lines that exist), and nothing read is empty where the model says it is not.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticles(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Lines counted as the reader counts them (LF, CR LF, lone CR), for the line checks below.
    let lineCount = bytes.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
    do {
        let article = try ArticleParser.parse(bytes: bytes, fileName: "fuzz.txt")
        precondition(!article.roles.isEmpty, "an article without roles was accepted")
        precondition(article.sections.contains { $0.kind != .other }, "an article without a known section was accepted")
        for issue in article.readingReport {
            precondition(issue.file == "fuzz.txt")
            if let line = issue.line { precondition(line >= 1 && line <= lineCount, "issue on a line that does not exist") }
        }
        for job in article.jobs {
            precondition(!job.title.isEmpty, "a posting without a title")
            if let salary = job.salary, let max = salary.max { precondition(!salary.plausible || salary.min <= max) }
        }
    } catch {
        precondition(error.file == "fuzz.txt" && !error.reason.isEmpty, "a rejection without a reason")
        if let line = error.line { precondition(line >= 1, "a rejection on line \(line)") }
    }
    let jobs = JobLines.parse(bytes: bytes, file: "fuzz.jsonl")
    for rejection in jobs.rejected { precondition(!rejection.reason.isEmpty, "a job line rejected without a reason") }
    return 0
}
