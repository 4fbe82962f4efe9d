import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the attributes of every element with a given local name (`sheet`, `Relationship`).
final class AttributeCollector: NSObject, XMLParserDelegate {
    private let element: String
    private var found: [[String: String]] = []

    private init(element: String) {
        self.element = element
    }

    static func collect(element: String, in data: Data) throws -> [[String: String]] {
        let collector = AttributeCollector(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw SpreadsheetReadError.unreadable("a workbook part is not well-formed XML: save the file again")
        }
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard name.split(separator: ":").last.map(String.init) == element else { return }
        var local: [String: String] = [:]
        for (key, value) in attributes { local[key.split(separator: ":").last.map(String.init) ?? key] = value }
        found.append(local)
    }
}

/// The shared-string table (`xl/sharedStrings.xml`): each `<si>`'s text, rich runs joined,
/// phonetic runs (`<rPh>`) left out.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0
    private let limits: ReadLimits
    private var failure: SpreadsheetReadError?

    private init(limits: ReadLimits) {
        self.limits = limits
    }

    static func parse(_ data: Data, limits: ReadLimits) throws -> [String] {
        let delegate = SharedStringsParser(limits: limits)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard parsed else { throw SpreadsheetReadError.unreadable("the shared strings of the workbook are not well-formed XML") }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        current += string
        if current.count > limits.maxCellLength {
            failure = .unreadable("a text in the workbook is longer than \(limits.maxCellLength) characters")
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}
