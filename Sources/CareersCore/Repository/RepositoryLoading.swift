import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

extension Repository {
    /// Parses every (name, bytes) pair, in parallel; rejected files are reported and skipped.
    public static func build(files: [(name: String, bytes: [UInt8])], vocabulary: Vocabulary = .embedded) -> Repository {
        let results = Mutex([Result<Article, ArticleRejection>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result: Result<Article, ArticleRejection>
            do throws(ArticleRejection) {
                result = .success(try ArticleParser.parse(bytes: files[index].bytes, fileName: files[index].name))
            } catch {
                result = .failure(error)
            }
            results.withLock { $0[index] = result }
        }
        var articles: [Article] = []
        var report = LoadReport()
        var seenIDs: [String: String] = [:]
        for (index, result) in results.withLock({ $0 }).enumerated() {
            switch result {
            case .success(let article)?:
                if let other = seenIDs[article.id] {
                    report.rejected.append(ArticleRejection(
                        file: files[index].name, reason: "duplicate article id \(article.id) (already read from \(other))"))
                    continue
                }
                seenIDs[article.id] = files[index].name
                articles.append(article)
                report.loadedFiles.append(files[index].name)
            case .failure(let rejection)?:
                report.rejected.append(rejection)
            case nil:
                report.rejected.append(ArticleRejection(file: files[index].name, reason: "not parsed"))
            }
        }
        return Repository(articles: articles, report: report, vocabulary: vocabulary)
    }

    /// Reads the `.txt` articles of each directory (and the embedded ones when asked). Unreadable
    /// directories and files are reported like rejected articles; the rest still loads.
    /// `jobFiles` are JSON-lines postings (`JobLines`); their bad lines are reported the same way.
    public static func load(
        directories: [URL], includeEmbedded: Bool, jobFiles: [URL] = [], vocabulary: Vocabulary = .embedded
    ) -> Repository {
        var files: [(name: String, bytes: [UInt8])] = includeEmbedded ? EmbeddedArticles.all() : []
        var unreadable: [ArticleRejection] = []
        for directory in directories {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .filter { $0.lowercased().hasSuffix(".txt") }.sorted()
            } catch {
                unreadable.append(ArticleRejection(file: directory.path, reason: "cannot read directory: \(String(describing: error))"))
                continue
            }
            for name in names {
                let url = directory.appendingPathComponent(name)
                do {
                    files.append((url.path, [UInt8](try Data(contentsOf: url))))
                } catch {
                    unreadable.append(ArticleRejection(file: url.path, reason: "cannot read file: \(String(describing: error))"))
                }
            }
        }
        var extraJobs: [SourcedPosting] = []
        for url in jobFiles {
            do {
                let lines = JobLines.parse(bytes: [UInt8](try Data(contentsOf: url)), file: url.path)
                extraJobs += lines.postings.map { SourcedPosting(source: "jobs:" + url.lastPathComponent, posting: $0) }
                unreadable += lines.rejected
            } catch {
                unreadable.append(ArticleRejection(file: url.path, reason: "cannot read file: \(String(describing: error))"))
            }
        }
        let built = build(files: files, vocabulary: vocabulary)
        guard !unreadable.isEmpty || !extraJobs.isEmpty else { return built }
        var report = built.report
        report.rejected = unreadable + report.rejected
        return Repository(articles: built.articles, extraJobs: extraJobs, report: report, vocabulary: vocabulary)
    }

    /// The embedded articles (the default data set).
    public static func embedded() -> Repository {
        build(files: EmbeddedArticles.all())
    }
}
