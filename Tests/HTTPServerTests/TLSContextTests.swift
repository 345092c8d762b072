import Glibc
@testable import HTTPServer
import Testing

/// Start-up checks: each bad certificate or key is refused with a message naming the file.
@Suite struct TLSContextTests {
    let files = TLSTestFiles.shared

    func startUpError(cert: String, key: String) -> String? {
        do {
            _ = try TLSContext(configuration: TLSConfiguration(certificatePath: cert, privateKeyPath: key))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func validCertificateAndKeyLoad() throws {
        let context = try TLSContext(configuration: files.configuration)
        #expect(context.certificateSummary.contains("CN=localhost"))
    }

    @Test func certificateChainLoadsAndIsSent() throws {
        let context = try TLSContext(configuration: TLSConfiguration(certificatePath: files.chainCert, privateKeyPath: files.chainKey))
        let server = try #require(try context.makeSession() as? TLSSession)
        // The client trusts only the CA, so verification needs the leaf and the chain.
        let client = try TLSTestClient(caFile: files.caCert)
        #expect(client.handshake(with: server).serverError == nil)
        #expect(client.verified)
        #expect(client.peerSubject.contains("CN=localhost"))
    }

    @Test func missingCertificateFileIsNamed() {
        let error = startUpError(cert: files.directory + "/nope.pem", key: files.key)
        #expect(error == "TLS certificate \(files.directory)/nope.pem: no such file")
    }

    @Test func missingKeyFileIsNamed() {
        let error = startUpError(cert: files.cert, key: files.directory + "/nokey.pem")
        #expect(error == "TLS private key \(files.directory)/nokey.pem: no such file")
    }

    @Test func unreadableKeyIsNamed() {
        // Permissions do not stop root, so as root use a file whose read fails anyway.
        let path = getuid() == 0 ? "/proc/self/mem" : files.write("unreadable-key.pem", "", permissions: 0o000)
        let error = startUpError(cert: files.cert, key: path)
        #expect(error?.hasPrefix("TLS private key \(path): cannot be read (") == true)
    }

    @Test func directoryInsteadOfFileIsNamed() {
        #expect(startUpError(cert: files.directory, key: files.key) == "TLS certificate \(files.directory): not a regular file")
    }

    @Test func nonPEMCertificateIsNamed() {
        let path = files.write("garbage-cert.pem", "this is not a certificate\n")
        let error = startUpError(cert: path, key: files.key)
        #expect(error == "TLS certificate \(path): not a PEM certificate (no \"-----BEGIN CERTIFICATE-----\" line)")
    }

    @Test func keyGivenAsCertificateIsNamed() {
        let error = startUpError(cert: files.key, key: files.key)
        #expect(error?.hasPrefix("TLS certificate \(files.key): not a PEM certificate") == true)
    }

    @Test func corruptPEMCertificateIsNamed() {
        let path = files.write("corrupt-cert.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
        let error = startUpError(cert: path, key: files.key)
        #expect(error?.hasPrefix("TLS certificate \(path): not a usable PEM certificate chain") == true)
    }

    @Test func nonPEMKeyIsNamed() {
        let path = files.write("garbage-key.pem", "secret\n")
        let error = startUpError(cert: files.cert, key: path)
        #expect(error == "TLS private key \(path): not a PEM private key (no \"PRIVATE KEY-----\" line)")
    }

    @Test func encryptedKeyIsRefusedWithoutPrompting() {
        let path = files.directory + "/encrypted-key.pem"
        TLSTestFiles.openssl(["pkey", "-in", files.key, "-aes256", "-passout", "pass:secret", "-out", path])
        let error = startUpError(cert: files.cert, key: path)
        #expect(error?.hasPrefix("TLS private key \(path)") == true)
    }

    @Test func keyNotMatchingCertificateIsNamed() {
        let error = startUpError(cert: files.cert, key: files.otherKey)
        #expect(error == "TLS private key \(files.otherKey) does not match the certificate \(files.cert)")
    }

    @Test func expiredCertificateIsNamed() {
        let error = startUpError(cert: files.expiredCert, key: files.key)
        #expect(error?.hasPrefix("TLS certificate \(files.expiredCert) expired on ") == true)
    }

    @Test func reloadSwapsCertificateForNewSessionsOnly() throws {
        let certPath = files.write("reload-cert.pem", try String(contentsOfFile: files.cert, encoding: .utf8))
        let keyPath = files.write("reload-key.pem", try String(contentsOfFile: files.key, encoding: .utf8))
        let context = try TLSContext(configuration: TLSConfiguration(certificatePath: certPath, privateKeyPath: keyPath))
        let before = try #require(try context.makeSession() as? TLSSession)

        // Swap in the CA-signed leaf, then reload.
        _ = files.write("reload-cert.pem", try String(contentsOfFile: files.chainCert, encoding: .utf8))
        _ = files.write("reload-key.pem", try String(contentsOfFile: files.chainKey, encoding: .utf8))
        try context.reload()
        let after = try #require(try context.makeSession() as? TLSSession)

        let oldClient = try TLSTestClient(caFile: files.cert)
        #expect(oldClient.handshake(with: before).serverError == nil)
        #expect(oldClient.verified)
        let newClient = try TLSTestClient(caFile: files.caCert)
        #expect(newClient.handshake(with: after).serverError == nil)
        #expect(newClient.verified)
    }

    @Test func failedReloadKeepsTheOldCertificate() throws {
        let keyPath = files.write("reload-fail-key.pem", try String(contentsOfFile: files.key, encoding: .utf8))
        let context = try TLSContext(configuration: TLSConfiguration(certificatePath: files.cert, privateKeyPath: keyPath))
        _ = files.write("reload-fail-key.pem", try String(contentsOfFile: files.otherKey, encoding: .utf8))
        #expect(throws: ServerError.self) { try context.reload() }
        let server = try #require(try context.makeSession() as? TLSSession)
        let client = try TLSTestClient(caFile: files.cert)
        #expect(client.handshake(with: server).serverError == nil)
        #expect(client.verified)
    }
}
