import CareersAPI
import CareersCore
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import HTTPServer
import Logging
import Synchronization

/// The running server and what it was wired from: loads the data, starts the listeners, and
/// answers SIGHUP (reload) and SIGTERM/SIGINT (drain and exit).
final class Service: Sendable {
    private let data: DataOptions
    private let logger: Logger
    private let sink: LogSink
    private let api: CareersAPI
    private let server: HTTPServer
    private let repository: Shared<Repository>
    private let stopping = Atomic<Bool>(false)
    private let reloads = DispatchQueue(label: "careers-api.reload")
    private let reloadRequests = Mutex(ReloadCoalescer())
    private let signals = SignalWatcher()

    init(configuration: ServerConfiguration, data: DataOptions, corsOrigins: [String], accessLog: Bool, sink: LogSink, logger: Logger) {
        self.data = data
        self.logger = logger
        self.sink = sink
        let repository = Self.load(data, logger: logger, previous: nil) ?? Repository(articles: [])
        if !Self.hasData(repository) && !data.allowEmpty {
            // A replica with nothing to serve must not look healthy to an orchestrator.
            let rejected = repository.counts.rejectedFiles
            logger.error(
                "cannot start: no usable article and no job loaded (\(rejected == 0 ? "no article file found" : "\(rejected) files rejected, see above")); give --allow-empty to start anyway, not ready until a SIGHUP reload brings data")
            sink.flush()
            exit(1)
        }
        Self.logLoaded(repository, logger: logger)
        self.repository = Shared(repository)

        // The API needs the server (readiness, metrics) and the server the API: a late-bound box.
        let serverBox = Shared<HTTPServer?>(nil)
        let current = self.repository
        api = CareersAPI(
            repository: repository,
            options: APIOptions(
                corsOrigins: corsOrigins,
                version: CareersVersion.current,
                metricsText: { (serverBox.value?.metrics.prometheusText() ?? "") + DataMetrics.text(current.value) },
                // Ready means data: an empty start (--allow-empty) is not sent traffic until a
                // reload brings articles or jobs.
                isReady: { (serverBox.value?.isReady ?? false) && Self.hasData(current.value) }))
        var onRequestCompleted: (@Sendable (AccessRecord) -> Void)?
        if accessLog {
            let log = AccessLog()
            onRequestCompleted = { log.record(AccessLogEntry($0)) }
        }
        server = HTTPServer(
            configuration: configuration, responder: api, logger: Logger(label: "http"),
            onRequestCompleted: onRequestCompleted)
        serverBox.value = server
        // What parsing and indexing left behind goes back too, so the first figure is one
        // dataset, as after a reload.
        logger.info("memory of the load's intermediate data returned: \(MemoryRelease.trimNow())")
    }

    /// Starts listening; exits 1 with the reason when it cannot (port in use, bad certificate).
    func run() -> Never {
        signals.on(SIGTERM, SIGINT) { [self] in stop(signal: $0) }
        signals.on(SIGHUP) { [self] _ in requestReload() }
        if !signals.waitUntilRegistered() {
            logger.warning("signal handling not ready after 10 s: SIGTERM may not drain")
        }
        do {
            try server.start()
        } catch {
            logger.error("cannot start: \(error.description)")
            sink.flush()
            exit(1)
        }
        let host = Self.hostForURL(server.configuration.host)
        if server.configuration.tls == nil || server.configuration.tls?.port != nil {
            logger.notice("listening on http://\(host):\(server.port)")
        }
        if let tlsPort = server.tlsPort {
            logger.notice("listening on https://\(host):\(tlsPort)")
        }
        dispatchMain()
    }

    private func stop(signal: Int32) {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        logger.notice(
            "\(SignalWatcher.name(signal)): draining requests in flight (up to \(server.configuration.drainTimeout) s)")
        DispatchQueue.global().async { [self] in
            server.shutdown()
            logger.notice("stopped")
            sink.flush()
            exit(0)
        }
    }

    /// Starts a reload, or folds the request into the one that follows the running one.
    private func requestReload() {
        guard reloadRequests.withLock({ $0.request() }) else {
            logger.notice("SIGHUP: a reload is running; one more follows it (further SIGHUPs until then fold into it)")
            return
        }
        reloads.async { [self] in
            repeat { reload() } while reloadRequests.withLock { $0.finish() }
        }
    }

    /// Builds a new repository off to the side and swaps it in whole, or keeps the old one and
    /// says why; then reloads the TLS certificate. The memory of whichever repository is not
    /// served goes back to the system once it is released (`MemoryRelease`).
    private func reload() {
        logger.notice("SIGHUP: reloading articles")
        if let replaced = swapInFreshData() {
            MemoryRelease.trim(whenReleased: replaced, on: reloads) { [logger] in
                logger.info("SIGHUP: memory of the replaced data returned: \($0)")
            }
        } else {
            MemoryRelease.trimNow()
        }
        guard server.configuration.tls != nil else { return }
        do {
            try server.reloadTLS()
            logger.notice("SIGHUP: TLS certificate reloaded")
        } catch {
            logger.error("SIGHUP: TLS certificate not reloaded, keeping the old one: \(error.description)")
        }
    }

    /// The repository replaced, not retained; nil when the old one stays (the new one is gone).
    private func swapInFreshData() -> WeakReference<Repository>? {
        let previous = repository.value
        guard let fresh = Self.load(data, logger: logger, previous: previous) else { return nil }
        api.replaceRepository(fresh)
        repository.value = fresh
        Self.logLoaded(fresh, logger: logger)
        return WeakReference(previous)
    }

    /// Loads the articles and logs what was rejected; nil when the result must not replace
    /// `previous` (a reload that finds no usable article keeps serving the old data).
    private static func load(_ data: DataOptions, logger: Logger, previous: Repository?) -> Repository? {
        let repository: Repository
        do {
            repository = try data.loadRepository()
        } catch {
            // Start-up checked it (`DataOptions.validate`): this is a file edited since.
            logger.error("vocabulary: \(error.description), keeping the data already served")
            return nil
        }
        for rejection in repository.report.rejected {
            logger.warning(
                "article rejected: \(rejection.file)\(rejection.line.map { ":\($0)" } ?? ""): \(rejection.reason)")
        }
        for rejection in repository.report.rejectedJobLines {
            logger.warning("job line rejected: \(rejection.description)")
        }
        // One line per article read with warnings; `careers-api ingest --report FILE` lists them.
        // Notices (values the loader already set aside) are counted in /metrics only.
        for article in repository.articles where !article.readingWarnings.isEmpty {
            let issues = article.readingWarnings
            let kinds = Dictionary(grouping: issues, by: \.kind).map { "\($0.key.rawValue) \($0.value.count)" }.sorted().joined(separator: ", ")
            logger.warning("article read with \(issues.count) issue(s): \(issues.first?.file ?? article.fileName) (\(kinds)); see: careers-api ingest --report")
        }
        if let previous, repository.counts.articles == 0, previous.counts.articles > 0 {
            logger.error("reload found no usable article, keeping the previous \(previous.counts.articles)")
            return nil
        }
        return repository
    }

    /// Said once the repository is the one being served.
    private static func logLoaded(_ repository: Repository, logger: Logger) {
        let counts = repository.counts
        var metadata: Logger.Metadata = [
            "articles": "\(counts.articles)", "roles": "\(counts.roles)", "jobs": "\(counts.jobs)",
            "postings": "\(counts.postings)", "rejected_files": "\(counts.rejectedFiles)",
        ]
        let badLines = repository.report.rejectedJobLines
        if !badLines.isEmpty {
            // Lines, not files: each bad line of a --jobs file, by kind.
            metadata["rejected_job_lines"] = "\(badLines.count)"
            metadata["rejected_job_lines_by_kind"] = "\(DataMetrics.jobLineCounts(repository).filter { $0.count > 0 }.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: ","))"
        }
        logger.notice("data loaded", metadata: metadata)
        if !hasData(repository) {
            logger.warning("no article and no job loaded: not ready (/readyz 503) until a reload brings data")
        } else if counts.articles == 0 {
            logger.warning("no article loaded: only the --jobs postings are served")
        }
    }

    /// Something to serve: an article or a job (from --jobs alone, too).
    static func hasData(_ repository: Repository) -> Bool {
        repository.counts.articles > 0 || repository.counts.jobs > 0
    }

    static func hostForURL(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// A value shared between queues, e.g. the server for closures made before it exists.
final class Shared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// Data counts appended to the core's /metrics text.
enum DataMetrics {
    /// One sample per kind, zeros included, so a dashboard sees each series from the start.
    static func readingIssueLines(_ repository: Repository) -> String {
        var counts: [ReadingIssue.Kind: Int] = [:]
        for article in repository.articles {
            for issue in article.readingReport { counts[issue.kind, default: 0] += 1 }
        }
        return ReadingIssue.Kind.allCases.map { "careers_reading_issues{kind=\"\($0.rawValue)\"} \(counts[$0] ?? 0)" }.joined(separator: "\n")
    }

    static func text(_ repository: Repository) -> String {
        let counts = repository.counts
        return """
            # HELP careers_articles Articles loaded.
            # TYPE careers_articles gauge
            careers_articles \(counts.articles)
            # HELP careers_roles Roles merged from the articles.
            # TYPE careers_roles gauge
            careers_roles \(counts.roles)
            # HELP careers_jobs Job postings after deduplication.
            # TYPE careers_jobs gauge
            careers_jobs \(counts.jobs)
            # HELP careers_rejected_files Article files rejected at the last load.
            # TYPE careers_rejected_files gauge
            careers_rejected_files \(counts.rejectedFiles)
            # HELP careers_reading_issues Reading issues of the loaded articles, by kind (careers-api ingest --report lists them).
            # TYPE careers_reading_issues gauge
            \(readingIssueLines(repository))
            # HELP careers_rejected_job_lines Lines of --jobs files rejected at the last load, by kind.
            # TYPE careers_rejected_job_lines gauge

            """ + jobLineCounts(repository).map { "careers_rejected_job_lines{kind=\"\($0.kind.rawValue)\"} \($0.count)\n" }.joined()
    }

    /// Every kind, zeros included, so each series exists from the start.
    static func jobLineCounts(_ repository: Repository) -> [(kind: JobLineRejection.Kind, count: Int)] {
        let lines = repository.report.rejectedJobLines
        return JobLineRejection.Kind.allCases.map { kind in (kind, lines.count { $0.kind == kind }) }
    }
}
