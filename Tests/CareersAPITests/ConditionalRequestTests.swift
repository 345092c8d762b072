@testable import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// Conditional requests, negotiation on repeated fields, and refused bodies, over real sockets.
@Suite(.serialized) struct ConditionalRequestTests {
    let live: LiveServer

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository))
    }

    @Test func notModifiedOnlyForTheTagOfTheSelectedCoding() throws {
        let gzipTag = try #require(try live.get("/roles", ["Accept-Encoding: gzip"]).header("ETag"))
        let identity = try live.get("/roles", ["If-None-Match: \(gzipTag)"])
        #expect(identity.status == 200)
        #expect(identity.header("ETag") != gzipTag)
        let plainTag = try #require(identity.header("ETag"))
        #expect(try live.get("/roles", ["Accept-Encoding: gzip", "If-None-Match: \(plainTag)"]).status == 200)
        #expect(try live.get("/roles", ["Accept-Encoding: gzip", "If-None-Match: \(gzipTag)"]).status == 304)
    }

    /// RFC 9110 §15.4.5: a 304 carries the ETag, Cache-Control and Vary a 200 would, and no
    /// other representation metadata (Last-Modified, Link, Content-Type).
    @Test func notModifiedCarriesTheCacheFieldsOnly() throws {
        let page = "/jobs?limit=2"
        let ok = try live.get(page)
        #expect(ok.header("Last-Modified") != nil && ok.header("Link") != nil, "the 200 has them")
        let tag = try #require(ok.header("ETag"))
        let notModified = try live.get(page, ["If-None-Match: \(tag)"])
        #expect(notModified.status == 304)
        #expect(notModified.header("ETag") == tag)
        #expect(notModified.header("Cache-Control") == ok.header("Cache-Control"))
        #expect(notModified.header("Vary") == ok.header("Vary"))
        #expect(notModified.header("Last-Modified") == nil)
        #expect(notModified.header("Link") == nil)
        #expect(notModified.header("Content-Type") == nil)
    }

    @Test func ifMatchWithoutTheCurrentTagIs412() throws {
        let failed = try live.get("/roles", [#"If-Match: "nope""#])
        #expect(failed.status == 412)
        #expect(failed.header("Content-Type") == "application/problem+json")
        #expect(failed.json["title"] as? String == "Precondition Failed")
        #expect(failed.header("ETag") != nil)
        let tag = try #require(try live.get("/roles").header("ETag"))
        #expect(try live.get("/roles", ["If-Match: \"x\", \(tag)"]).status == 200)
        #expect(try live.get("/roles", ["If-Match: *"]).status == 200)
        // Strong comparison: a weak tag never satisfies If-Match.
        #expect(try live.get("/roles", ["If-Match: W/\(tag)"]).status == 412)
        // §13.2.2: If-Match is evaluated before If-None-Match.
        #expect(try live.get("/roles", [#"If-Match: "nope""#, "If-None-Match: \(tag)"]).status == 412)
    }

    @Test func repeatedListFieldLinesAreCombined() throws {
        let gzip = try live.get("/roles", ["Accept-Encoding: identity", "Accept-Encoding: gzip"])
        #expect(gzip.header("Content-Encoding") == "gzip")
        let tag = try #require(try live.get("/roles").header("ETag"))
        #expect(try live.get("/roles", [#"If-None-Match: "other""#, "If-None-Match: \(tag)"]).status == 304)
        let job = try #require(sharedAPI.repository.jobs.first)
        let linked = try live.get("/jobs/" + job.id, ["Accept: text/html", "Accept: application/ld+json"])
        #expect(linked.header("Content-Type")?.hasPrefix("application/ld+json") == true)
    }

    @Test func namedLinkedDataBeatsAnEqualWildcard() throws {
        let job = try #require(sharedAPI.repository.jobs.first)
        let linked = try live.get("/jobs/" + job.id, ["Accept: application/ld+json, */*"])
        #expect(linked.header("Content-Type")?.hasPrefix("application/ld+json") == true)
        let plain = try live.get("/jobs/" + job.id, ["Accept: */*"])
        #expect(plain.header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test func bodyOfARefusedMethodIsNeitherInvitedNorRead() throws {
        let raw = try live.exchange("POST /roles HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1048576\r\n\r\n")
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
        #expect(!text.contains("100 Continue"))
        #expect(text.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"))
    }
}

@Suite struct JobPostingLinkedDataTests {
    private func linkedData(_ job: Job) -> [String: Any] {
        sharedAPI.call("/jobs/" + job.id, [("Accept", "application/ld+json")]).json
    }

    @Test func remotePostingsAreTelecommuteWithoutAPlaceCalledRemote() {
        for job in sharedAPI.repository.jobs where job.remote {
            let ld = linkedData(job)
            #expect(ld["jobLocationType"] as? String == "TELECOMMUTE")
            #expect(ld["jobLocation"] == nil)
            if JobPostingLD.country(of: job.posting.location) != nil {
                #expect((ld["applicantLocationRequirements"] as? [String: Any])?["name"] as? String == "US")
            }
        }
    }

    @Test func onSitePostingsCarryTheirCountryWhenKnown() throws {
        var withCountry = 0
        for job in sharedAPI.repository.jobs where !job.remote && job.posting.location != nil {
            let address = (linkedData(job)["jobLocation"] as? [String: Any])?["address"] as? [String: Any]
            #expect(address?["addressLocality"] as? String == job.posting.location)
            if let country = address?["addressCountry"] as? String {
                #expect(country == "US")
                withCountry += 1
            }
        }
        #expect(withCountry > 0)
        #expect(linkedData(try #require(sharedAPI.repository.jobs.first))["url"] == nil, "no relative url without a configured base")
    }

    @Test(arguments: [
        ("Upton, NY", "US"), ("Seattle, Washington, USA", "US"), ("Remote (anywhere in the U.S.)", "US"),
        ("San Francisco, US", "US"), ("New York", "US"), ("Remote", nil), ("London, UK", nil), ("Tbilisi, Georgia", nil),
    ] as [(String, String?)])
    func countryInference(location: String, country: String?) {
        #expect(JobPostingLD.country(of: location) == country)
    }
}
