import CareersCore
import Foundation

// scale-bench embedded            the 4 seed articles
// scale-bench load DIR...         a generated corpus (scripts/gen-corpus DIR N)
// scale-bench parse DIR...        only the parser, one thread: its CPU time apart from merging
// scale-bench check DIR           parser output against DIR/manifest.json (what gen-corpus wrote)
// scale-bench dump DIR OUT        the repository (DIR plus the embedded seeds) as JSON lines, to diff builds
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "embedded"?:
    Benchmark.run(files: EmbeddedArticles.all())
case "load"? where arguments.count > 1:
    Benchmark.run(files: Benchmark.readFiles(arguments.dropFirst().map { URL(fileURLWithPath: $0) }))
case "parse"? where arguments.count > 1:
    Benchmark.parseOnly(files: Benchmark.readFiles(arguments.dropFirst().map { URL(fileURLWithPath: $0) }))
case "merge"? where arguments.count == 2:
    // Profiling aid: parse once, then only merge + index, three times.
    let repository = Repository.build(files: Benchmark.readFiles([URL(fileURLWithPath: arguments[1])]))
    for _ in 0..<3 { _ = Repository(articles: repository.articles, report: repository.report) }
case "check"? where arguments.count == 2:
    exit(CorpusCheck.run(directory: URL(fileURLWithPath: arguments[1])) ? 0 : 1)
case "dump"? where arguments.count == 3:
    exit(Dump.run(directory: URL(fileURLWithPath: arguments[1]), output: URL(fileURLWithPath: arguments[2])) ? 0 : 1)
default:
    print("usage: scale-bench embedded | load DIR... | parse DIR... | merge DIR | check DIR | dump DIR OUT")
    exit(2)
}
