/// Why a request was refused before it reached the responder. Each case has the status the
/// connection answers with (then closes) and a short reason used as a metrics label.
enum ParseFailure: String, Error, Sendable, CaseIterable {
    case invalidRequestLine = "invalid_request_line"
    case invalidMethod = "invalid_method"
    case unknownMethod = "unknown_method"
    case connectNotImplemented = "connect_not_implemented"
    case targetTooLong = "target_too_long"
    case invalidTarget = "invalid_target"
    case nonASCIITarget = "non_ascii_target"
    case invalidVersion = "invalid_version"
    case unsupportedVersion = "unsupported_version"
    case invalidLineEnding = "invalid_line_ending"
    case headerSectionTooLarge = "header_section_too_large"
    case tooManyHeaderFields = "too_many_header_fields"
    case obsoleteLineFolding = "obs_fold"
    case whitespaceBeforeColon = "whitespace_before_colon"
    case invalidFieldName = "invalid_field_name"
    case invalidFieldValue = "invalid_field_value"
    case missingHost = "missing_host"
    case duplicateHost = "duplicate_host"
    case invalidHost = "invalid_host"
    case invalidContentLength = "invalid_content_length"
    case duplicateContentLength = "duplicate_content_length"
    case contentLengthWithTransferEncoding = "content_length_with_transfer_encoding"
    case chunkedNotFinal = "chunked_not_final"
    case unsupportedTransferCoding = "unsupported_transfer_coding"
    case transferEncodingInHTTP10 = "transfer_encoding_in_http10"
    case bodyTooLarge = "body_too_large"
    case invalidChunkSize = "invalid_chunk_size"
    case invalidChunkExtension = "invalid_chunk_extension"
    case invalidChunkData = "invalid_chunk_data"
    case trailerSectionTooLarge = "trailer_section_too_large"
    case unsupportedExpectation = "unsupported_expectation"

    var status: Int {
        switch self {
        case .unknownMethod, .connectNotImplemented, .unsupportedTransferCoding: 501
        case .targetTooLong: 414
        case .unsupportedVersion: 505
        case .headerSectionTooLarge, .tooManyHeaderFields, .trailerSectionTooLarge: 431
        case .bodyTooLarge: 413
        case .unsupportedExpectation: 417
        default: 400
        }
    }

    var detail: String {
        switch self {
        case .invalidRequestLine: "the request line is not 'method SP request-target SP HTTP-version'"
        case .invalidMethod: "the method is not a token"
        case .unknownMethod: "the method is not implemented by this server"
        case .connectNotImplemented: "CONNECT is not implemented: this server is not a proxy and tunnels nothing"
        case .targetTooLong: "the request-target is longer than this server accepts"
        case .invalidTarget:
            "the request-target is not a valid origin-, absolute-, authority- or asterisk-form "
                + "(RFC 3986: a % starts two hex digits; characters such as < > \" { } | ^ are percent-encoded in a path)"
        case .nonASCIITarget: "the request-target contains a raw non-ASCII byte; it must be percent-encoded (RFC 3986 §2.1)"
        case .invalidVersion: "the HTTP version is malformed"
        case .unsupportedVersion: "only HTTP/1.x is supported"
        case .invalidLineEnding: "lines must end with CRLF; a bare LF or CR is not allowed"
        case .headerSectionTooLarge: "the header section is larger than this server accepts"
        case .tooManyHeaderFields: "the request has more header fields than this server accepts"
        case .obsoleteLineFolding: "obsolete line folding (obs-fold) is not allowed"
        case .whitespaceBeforeColon: "whitespace between a field name and the colon is not allowed"
        case .invalidFieldName: "a field name is empty or contains a byte that is not a token character"
        case .invalidFieldValue: "a field value contains a control character"
        case .missingHost: "an HTTP/1.1 request must carry exactly one Host header field"
        case .duplicateHost: "the request carries more than one Host header field"
        case .invalidHost: "the Host header field is not a valid host[:port]"
        case .invalidContentLength: "Content-Length must be a non-negative decimal integer"
        case .duplicateContentLength: "the request carries more than one Content-Length header field"
        case .contentLengthWithTransferEncoding: "Content-Length and Transfer-Encoding must not be sent together"
        case .chunkedNotFinal: "chunked must be the final transfer coding, applied once"
        case .unsupportedTransferCoding: "only the chunked transfer coding is supported"
        case .transferEncodingInHTTP10: "Transfer-Encoding is not allowed in an HTTP/1.0 request"
        case .bodyTooLarge: "the request body is larger than this server accepts"
        case .invalidChunkSize: "a chunk size is not a hexadecimal number followed by CRLF"
        case .invalidChunkExtension: "a chunk extension is malformed or too long"
        case .invalidChunkData: "chunk data is not followed by CRLF"
        case .trailerSectionTooLarge: "the trailer section is larger than this server accepts"
        case .unsupportedExpectation: "only the 100-continue expectation is supported"
        }
    }
}

/// The parser's limits (from `ServerConfiguration`).
struct ParserLimits: Sendable {
    var maxTargetBytes = 8 * 1024
    var maxHeaderBytes = 16 * 1024
    var maxHeaderFields = 100
    var maxBodyBytes = 1 << 20
}
