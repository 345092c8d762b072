import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// `/salaries` percentiles and histograms, over real sockets.
@Suite(.serialized) struct SalaryDistributionWireTests {
    let live: LiveServer

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository))
    }

    func groups(_ target: String) throws -> [[String: Any]] {
        let response = try live.get(target)
        #expect(response.status == 200, "\(target)")
        return try #require(response.json["groups"] as? [[String: Any]])
    }

    @Test(arguments: ["/salaries", "/salaries?group_by=role", "/salaries?group_by=role,currency&bucket_width=25000"])
    func everyGroupHasOrderedPercentilesAndAFullHistogram(target: String) throws {
        for group in try groups(target) {
            let keys = ["min", "p10", "p25", "median", "p75", "p90", "max"]
            let values = keys.compactMap { group[$0] as? Double }
            let count = try #require(group["count"] as? Int)
            if count == 0 {
                #expect(values.isEmpty && keys.allSatisfy { group[$0] is NSNull })
                continue
            }
            #expect(values.count == keys.count, "\(group)")
            #expect(values == values.sorted(), "\(group)")
            let histogram = try #require(group["histogram"] as? [String: Any])
            let width = try #require(histogram["bucket_width"] as? Double)
            let buckets = try #require(histogram["buckets"] as? [[String: Any]])
            #expect(buckets.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == count)
            for (bucket, next) in zip(buckets, buckets.dropFirst()) {
                #expect(bucket["to"] as? Double == next["from"] as? Double)
            }
            for bucket in buckets {
                let from = try #require(bucket["from"] as? Double)
                #expect(bucket["to"] as? Double == from + width)
                #expect(from.truncatingRemainder(dividingBy: width) == 0)
            }
        }
    }

    @Test func bucketWidthIsTheRequestedOne() throws {
        let response = try live.get("/salaries?bucket_width=5000")
        #expect(response.json["bucket_width"] as? Int == 5000)
        for group in try groups("/salaries?bucket_width=5000") {
            #expect((group["histogram"] as? [String: Any])?["bucket_width"] as? Double == 5000)
        }
        #expect(try live.get("/salaries").json["bucket_width"] as? Int == 10_000)
    }

    /// The senior seeds: six plausible figures, one implausible excluded and counted.
    @Test func seniorSeedsByHand() throws {
        let senior = try #require(try groups("/salaries?level=senior").first)
        #expect(senior["count"] as? Int == 6)
        #expect(senior["excluded_implausible"] as? Int == 1)
        let mids = sharedAPI.repository.jobs.compactMap { job -> Double? in
            guard job.posting.level == .senior, let s = job.posting.salary, s.plausible else { return nil }
            return (s.annualMin + s.annualMax) / 2
        }.sorted()
        #expect(mids.count == 6)
        // Type 7 at 0.25 over six values: rank 1.25.
        #expect(senior["p25"] as? Double == mids[1] + 0.25 * (mids[2] - mids[1]))
        #expect(senior["median"] as? Double == (mids[2] + mids[3]) / 2)
    }

    @Test(arguments: ["bucket_width=999", "bucket_width=10000001", "bucket_width=abc", "bucket_width=1.5", "bucket_width=5000&bucket_width=6000"])
    func badBucketWidthsAre400(query: String) throws {
        let response = try live.get("/salaries?" + query)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let names = (response.json["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["bucket_width"])
    }
}
