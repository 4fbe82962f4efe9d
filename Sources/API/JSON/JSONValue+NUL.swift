import Campaign

extension JSONValue {
    /// Records every string (or member name) at any depth that holds NUL, named by its path
    /// (`progress`, `weights.fai`, `monthly[3]`).
    func rejectNUL(at path: String = "", in validator: inout Validator) {
        // The common case, nothing to name, costs one pass without building a path.
        guard containsNUL else { return }
        switch self {
        case .string(let text):
            validator.rejectNUL(text, field: path)
        case .array(let elements):
            for (index, element) in elements.enumerated() { element.rejectNUL(at: "\(path)[\(index)]", in: &validator) }
        case .object(let members):
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let field = path.isEmpty ? name : "\(path).\(name)"
                if validator.rejectNUL(name, field: field.replacing("\u{0}", with: "\\u0000")) {
                    member.rejectNUL(at: field, in: &validator)
                }
            }
        case .null, .bool, .number:
            break
        }
    }

    /// Whether any string or member name at any depth holds NUL.
    private var containsNUL: Bool {
        switch self {
        case .string(let text): text.containsNUL
        case .array(let elements): elements.contains { $0.containsNUL }
        case .object(let members): members.contains { $0.key.containsNUL || $0.value.containsNUL }
        case .null, .bool, .number: false
        }
    }
}
