/// Parses PostgreSQL's text output of one-dimensional arrays.
enum PostgresArrayLiteral {
    /// The elements of `{…}`, with `nil` for NULL; `nil` if the text is not an array literal.
    static func parse(_ text: String) -> [String?]? {
        var characters = Substring(text)
        guard characters.first == "{", characters.last == "}" else { return nil }
        characters = characters.dropFirst().dropLast()
        if characters.isEmpty { return [] }
        var elements: [String?] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var escaping = false
        for character in characters {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if character == "," && !quoted {
                elements.append(wasQuoted || current != "NULL" ? current : nil)
                current = ""
                wasQuoted = false
            } else {
                current.append(character)
            }
        }
        elements.append(wasQuoted || current != "NULL" ? current : nil)
        return elements
    }
}
