import Foundation

extension AssessmentScheme {
    /// Why a scheme document was refused.
    public enum ParseFailure: Error, Sendable, Equatable {
        /// Not JSON, or not shaped like a scheme (a string for a number, an array for the object): HTTP 400.
        case malformed(String)
        /// Well-formed but breaking the rules: HTTP 422 with these errors.
        case invalid([FieldError])
    }

    /// Decodes and validates a scheme document, as the API receives it in `PUT /schemes/{year}`.
    public static func parse(_ data: Data) -> Result<AssessmentScheme, ParseFailure> {
        let scheme: AssessmentScheme
        do {
            scheme = try JSONDecoder().decode(AssessmentScheme.self, from: data)
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(.malformed("wrong type at \(Self.path(context)): numbers and a weights object expected"))
        } catch let DecodingError.valueNotFound(_, context) {
            return .failure(.malformed("null at \(Self.path(context)): a number expected"))
        } catch {
            return .failure(.malformed("the body is not a JSON scheme object"))
        }
        let errors = scheme.validate()
        return errors.isEmpty ? .success(scheme) : .failure(.invalid(errors))
    }

    /// Reads and validates a scheme file such as `config/default-scheme.json`; throws
    /// `ParseFailure` if it is malformed or invalid.
    public static func load(from url: URL) throws -> AssessmentScheme {
        let data = try Data(contentsOf: url)
        return try parse(data).get()
    }

    /// The JSON text of the scheme, keys sorted (what `GET /schemes/{year}` answers).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "the top level" : path
    }
}
