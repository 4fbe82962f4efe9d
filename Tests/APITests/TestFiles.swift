import Foundation

/// Files made in the tests: a JPEG with an EXIF segment written byte by byte, and filler files
/// of the other accepted types.
enum TestFiles {
    /// A GPS coordinate: reference letter and degrees, minutes, seconds as rationals.
    struct Coordinate {
        var ref: String
        var dms: [(UInt32, UInt32)]
    }

    /// A JPEG (SOI, APP0 JFIF, APP1 Exif, SOS, EOI) whose EXIF holds DateTimeOriginal and GPS.
    static func jpeg(bigEndian: Bool, taken: String?, offset: String? = nil, latitude: Coordinate?, longitude: Coordinate?, filler: Int = 64) -> [UInt8] {
        let tiff = exifTIFF(bigEndian: bigEndian, taken: taken, offset: offset, latitude: latitude, longitude: longitude)
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let length = 2 + 6 + tiff.count
        bytes += [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + Array("Exif".utf8) + [0, 0] + tiff
        bytes += [0xFF, 0xDA, 0x00, 0x02] + (0..<filler).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) } + [0xFF, 0xD9]
        return bytes
    }

    /// The TIFF structure: IFD0 pointing at an Exif IFD and a GPS IFD, values after each IFD.
    static func exifTIFF(bigEndian: Bool, taken: String?, offset: String?, latitude: Coordinate?, longitude: Coordinate?) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
        func entry(_ tag: Int, _ type: Int, _ count: Int, _ field: [UInt8]) -> [UInt8] { u16(tag) + u16(type) + u32(count) + field }
        func ascii(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }
        /// An IFD at `start` with entries whose out-of-line values follow it.
        func ifd(at start: Int, _ items: [(tag: Int, type: Int, count: Int, value: [UInt8])]) -> [UInt8] {
            var data: [UInt8] = []
            var entries: [UInt8] = []
            let dataStart = start + 2 + items.count * 12 + 4
            for item in items {
                if item.value.count <= 4 {
                    entries += entry(item.tag, item.type, item.count, item.value + [UInt8](repeating: 0, count: 4 - item.value.count))
                } else {
                    entries += entry(item.tag, item.type, item.count, u32(dataStart + data.count))
                    data += item.value
                }
            }
            return u16(items.count) + entries + u32(0) + data
        }
        func rationals(_ c: Coordinate) -> [UInt8] { c.dms.flatMap { u32(Int($0.0)) + u32(Int($0.1)) } }
        let header = (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(8)
        let exifItems = (taken.map { [(0x9003, 2, $0.utf8.count + 1, ascii($0))] } ?? [])
            + (offset.map { [(0x9011, 2, $0.utf8.count + 1, ascii($0))] } ?? [])
        var gpsItems: [(tag: Int, type: Int, count: Int, value: [UInt8])] = []
        if let latitude { gpsItems += [(1, 2, 2, ascii(latitude.ref)), (2, 5, 3, rationals(latitude))] }
        if let longitude { gpsItems += [(3, 2, 2, ascii(longitude.ref)), (4, 5, 3, rationals(longitude))] }
        let ifd0Size = 2 + 2 * 12 + 4
        let exifStart = 8 + ifd0Size
        let exif = ifd(at: exifStart, exifItems)
        let gpsStart = exifStart + exif.count
        let ifd0 = ifd(at: 8, [(0x8769, 4, 1, u32(exifStart)), (0x8825, 4, 1, u32(gpsStart))])
        return header + ifd0 + exif + ifd(at: gpsStart, gpsItems)
    }

    /// A PNG signature followed by `size - 8` deterministic bytes (varied by `seed`).
    static func png(size: Int, seed: UInt8 = 0) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<max(0, size - 8)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    /// `%PDF-1.7` and filler up to `size` bytes.
    static func pdf(size: Int, seed: UInt8 = 0) -> [UInt8] {
        Array("%PDF-1.7\n".utf8) + (0..<max(0, size - 9)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ Int(seed)) }
    }
}
