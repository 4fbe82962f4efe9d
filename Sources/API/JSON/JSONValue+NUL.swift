import Campaign

extension JSONValue {
    /// Records every string (or member name) at any depth that holds NUL, named by its path
    /// (`progress`, `weights.fai`, `monthly[3]`).
    func rejectNUL(at path: String = "", in validator: inout Validator) {
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
}
