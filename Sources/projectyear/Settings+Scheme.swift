import Campaign
import Foundation

extension Settings {
    /// The default assessment scheme from `assessment.scheme`, validated; a broken file stops
    /// the program naming the file and the problem.
    func loadDefaultScheme() throws -> AssessmentScheme {
        let url = resolvePath(schemePath)
        do {
            return try AssessmentScheme.load(from: url)
        } catch let AssessmentScheme.ParseFailure.invalid(errors) {
            let list = errors.map { "\($0.field) \($0.message.text(.en))" }.joined(separator: "; ")
            throw CommandFailure("the default scheme \(url.path) (assessment.scheme) is invalid: \(list)")
        } catch let AssessmentScheme.ParseFailure.malformed(problem) {
            throw CommandFailure("the default scheme \(url.path) (assessment.scheme) is malformed: \(problem)")
        } catch {
            throw CommandFailure("cannot read the default scheme \(url.path) (assessment.scheme)")
        }
    }
}
