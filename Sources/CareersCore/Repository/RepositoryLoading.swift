import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

extension Repository {
    /// Parses every (name, bytes) pair, in parallel; rejected files are reported (after what
    /// `report` already holds) and skipped. `extraJobs` merge with the articles' postings.
    public static func build(
        files: [(name: String, bytes: [UInt8])], extraJobs: [SourcedPosting] = [], report base: LoadReport = LoadReport(),
        vocabulary: Vocabulary = .embedded
    ) -> Repository {
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
        var report = base
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
        return Repository(articles: articles, extraJobs: extraJobs, report: report, vocabulary: vocabulary)
    }

    /// Reads the article files of each directory (`SourceFiles.articlePaths`: `.txt` in any case)
    /// and the embedded ones when asked. Unreadable directories and files are reported like
    /// rejected articles, naming the path and the cause; the rest still loads. `jobFiles` are
    /// JSON-lines postings (`JobLines`); their bad lines are reported in `rejectedJobLines`.
    public static func load(
        directories: [URL], includeEmbedded: Bool, jobFiles: [URL] = [], vocabulary: Vocabulary = .embedded
    ) -> Repository {
        var files: [(name: String, bytes: [UInt8])] = includeEmbedded ? EmbeddedArticles.all() : []
        var unreadable: [ArticleRejection] = []
        func note(_ error: SourceFiles.ReadError, _ what: String) {
            unreadable.append(ArticleRejection(file: error.path, reason: "cannot read \(what): \(error.cause)"))
        }
        for directory in directories {
            let paths: [String]
            do throws(SourceFiles.ReadError) {
                paths = try SourceFiles.articlePaths(inDirectory: directory.path)
            } catch {
                note(error, "directory")
                continue
            }
            for path in paths {
                do throws(SourceFiles.ReadError) {
                    files.append((path, try SourceFiles.readAll(path)))
                } catch {
                    note(error, "file")
                }
            }
        }
        var extraJobs: [SourcedPosting] = []
        var rejectedLines: [JobLineRejection] = []
        var jobFilesModified: Int?
        for url in jobFiles {
            do throws(SourceFiles.ReadError) {
                let lines = try JobLines.read(path: url.path)
                extraJobs += lines.postings.map { SourcedPosting(source: "jobs:" + url.lastPathComponent, posting: $0) }
                rejectedLines += lines.rejected
                if let modified = SourceFiles.modificationTime(url.path) { jobFilesModified = max(jobFilesModified ?? modified, modified) }
            } catch {
                note(error, "file")
            }
        }
        var report = LoadReport(rejected: unreadable)
        report.rejectedJobLines = rejectedLines
        report.jobFilesModified = jobFilesModified
        return build(files: files, extraJobs: extraJobs, report: report, vocabulary: vocabulary)
    }

    /// The embedded articles (the default data set).
    public static func embedded() -> Repository {
        build(files: EmbeddedArticles.all())
    }
}
