import Foundation

/// Reads the first sheet of an uploaded `.xlsx` or CSV file, recognised by its own bytes.
public enum UploadedSheet {
    /// The file's format, from its first bytes.
    public enum Format: Sendable, Equatable {
        case xlsx
        case csv
    }

    /// Recognises the format: a ZIP is a workbook, an OLE2 compound file is an old `.xls` (refused),
    /// anything else must be CSV text (UTF-8 or GB18030, `TextEncoding`).
    public static func format(of data: Data) throws(SpreadsheetReadError) -> Format {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw SpreadsheetReadError(.unsupportedFormat,
                "this is an old Excel 97-2003 (.xls) file: open it in Excel or WPS and save it as an Excel workbook (.xlsx), or as CSV UTF-8")
        }
        if head.starts(with: [0x50, 0x4B]) {
            throw SpreadsheetReadError(.unsupportedFormat, "this ZIP file is empty or split: send an .xlsx workbook or a CSV file")
        }
        if head.starts(with: Array("%PDF".utf8)) {
            throw SpreadsheetReadError(.unsupportedFormat, "this is a PDF: send an .xlsx workbook or a CSV file")
        }
        return .csv
    }

    /// Every row of the first sheet (the header included), in order; blank rows are skipped.
    public static func rows(of data: Data, limits: ReadLimits = ReadLimits()) throws(SpreadsheetReadError) -> [SheetRow] {
        try read(data, limits: limits).rows
    }

    /// The rows (as `rows(of:)`) and, for CSV, the encoding the text was read in.
    public static func read(_ data: Data, limits: ReadLimits = ReadLimits()) throws(SpreadsheetReadError) -> (rows: [SheetRow], encoding: TextEncoding?) {
        var rows: [SheetRow] = []
        let format = try format(of: data)
        var encoding: TextEncoding?
        do {
            let collect: (SheetRow) throws -> Void = { row in
                if rows.count > limits.maxRows {
                    throw SpreadsheetReadError.unreadable(
                        "the sheet has more than \(limits.maxRows) rows of data: split it into files of at most \(limits.maxRows) rows")
                }
                rows.append(row)
            }
            switch format {
            case .xlsx:
                var reader = try XLSXReader(data: data, limits: limits)
                try reader.readFirstSheet(collect)
            case .csv:
                let (text, read) = try TextEncoding.utf8(data)
                encoding = read
                try CSVSheetReader.read(text, limits: limits, collect)
            }
        } catch let error as SpreadsheetReadError {
            throw error
        } catch {
            throw .unreadable("the file could not be read as a spreadsheet (\(error)): save it again as .xlsx or CSV UTF-8")
        }
        return (rows, encoding)
    }
}
