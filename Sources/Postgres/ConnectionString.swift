import CLibPQ

/// A libpq connection string or URI taken apart (`user`, `password`, `dbname`, …), as libpq reads it.
public enum ConnectionString {
    /// The keywords the string sets, or nil when libpq cannot parse it.
    public static func parameters(_ text: String) -> [String: String]? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &error) else {
            if let error { PQfreemem(error) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var parameters: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { parameters[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return parameters
    }
}
