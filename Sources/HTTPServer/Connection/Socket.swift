#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the socket calls the listener needs, each turning errno into a message that
/// names the address.
enum Socket {
    /// A non-blocking listening socket on `host:port` (IPv4 or IPv6 literal, or a name) and the port
    /// it is bound to (so port 0 works).
    static func listen(host: String, port: Int, backlog: Int32 = 4096) throws(ServerError) -> (fd: Int32, port: Int) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw ServerError("cannot listen on \(address): \(String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(first) }
        var lastError = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { lastError = errnoText(); continue }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, Glibc.listen(fd, backlog) == 0 else {
                lastError = errnoText()
                close(fd)
                continue
            }
            return (fd, boundPort(fd) ?? port)
        }
        throw ServerError("cannot listen on \(address): \(lastError)")
    }

    static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard rc == 0 else { return nil }
        return describe(storage).port
    }

    /// "127.0.0.1:53122" or "[::1]:53122".
    static func describe(_ storage: sockaddr_storage) -> (text: String, port: Int) {
        let family = Int32(storage.ss_family)
        return withUnsafeBytes(of: storage) { raw in
            switch family {
            case AF_INET:
                let sin = raw.load(as: sockaddr_in.self)
                var addr = sin.sin_addr
                let port = Int(UInt16(bigEndian: sin.sin_port))
                return (text(AF_INET, &addr) + ":\(port)", port)
            case AF_INET6:
                let sin6 = raw.load(as: sockaddr_in6.self)
                var addr = sin6.sin6_addr
                let port = Int(UInt16(bigEndian: sin6.sin6_port))
                return ("[" + text(AF_INET6, &addr) + "]:\(port)", port)
            default:
                return ("unknown", 0)
            }
        }
    }

    private static func text(_ family: Int32, _ address: UnsafeRawPointer) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        inet_ntop(family, address, &buffer, socklen_t(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
