enum OpenAPIDocument {
    static func bytes(version: String) -> [UInt8] {
        var w = JSONWriter()
        w.object { o in
            o.field("openapi", "3.1.0")
            o.field("info", object: { o in
                o.field("title", "Careers API")
                o.field("version", version)
            })
            o.field("paths", object: { _ in })
        }
        return w.bytes
    }
}
