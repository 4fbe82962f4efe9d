import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The character encoding a CSV file was read in: UTF-8 (with or without a byte-order mark), or
/// GB18030 — what Excel and WPS in China write for "CSV (逗号分隔)" — converted with iconv.
public enum TextEncoding: String, Sendable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"

    /// `data` as UTF-8 and the encoding it was read in; UTF-16 and bytes that are neither UTF-8
    /// nor GB18030 are refused saying how to save the file.
    public static func utf8(_ data: Data) throws(SpreadsheetReadError) -> (Data, TextEncoding) {
        let head = [UInt8](data.prefix(2))
        if head == [0xFF, 0xFE] || head == [0xFE, 0xFF] {
            throw SpreadsheetReadError(.encoding,
                "这个 CSV 文件是 UTF-16 编码（Excel 的“Unicode 文本”），无法读取：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx")
        }
        if String(data: data, encoding: .utf8) != nil { return (data, .utf8) }
        if let converted = convert(data, from: "GB18030") { return (converted, .gb18030) }
        throw SpreadsheetReadError(.encoding,
            "这个 CSV 文件既不是 UTF-8 也不是 GB18030（GBK）编码：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx")
    }

    /// `data` converted from `encoding` to UTF-8 by iconv; nil when any byte sequence is invalid.
    static func convert(_ data: Data, from encoding: String) -> Data? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = [UInt8](data)
        // A GB18030 sequence of n bytes is at most n + n/2 bytes of UTF-8.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 4)
        let written: Int? = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                var inPointer = source.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = source.count
                var outPointer = target.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = target.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : target.count - outLeft
            }
        }
        guard let written else { return nil }
        return Data(output.prefix(written))
    }
}
