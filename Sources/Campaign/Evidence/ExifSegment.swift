/// Finds the TIFF structure of a JPEG's EXIF APP1 segment (`Exif\0\0` then TIFF).
enum ExifSegment {
    static func find(in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            if marker == 0xD9 || marker == 0xDA { return nil }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2 else { return nil }
            let start = index + 4
            let end = index + 2 + length
            if marker == 0xE1, end <= bytes.count, length >= 8,
               Array(bytes[start..<(start + 6)]) == [0x45, 0x78, 0x69, 0x66, 0x00, 0x00] {
                return bytes[(start + 6)..<end]
            }
            index = end
        }
        return nil
    }
}

/// Reads the IFDs of a TIFF structure in either byte order, every access bounds-checked.
struct TIFFReader {
    /// One IFD entry: type, count and the 4-byte value-or-offset field's position.
    struct Entry {
        var type: Int
        var count: Int
        var field: Int
    }

    let bytes: [UInt8]
    let bigEndian: Bool
    let firstIFD: Int

    init?(_ tiff: ArraySlice<UInt8>) {
        let bytes = Array(tiff)
        guard bytes.count >= 8 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): self.init(bytes: bytes, bigEndian: false, firstIFD: 0)
        case (0x4D, 0x4D): self.init(bytes: bytes, bigEndian: true, firstIFD: 0)
        default: return nil
        }
        guard let magic = uint(at: 2, size: 2), magic == 42, let first = uint(at: 4, size: 4) else { return nil }
        self.init(bytes: bytes, bigEndian: bigEndian, firstIFD: first)
    }

    private init(bytes: [UInt8], bigEndian: Bool, firstIFD: Int) {
        self.bytes = bytes
        self.bigEndian = bigEndian
        self.firstIFD = firstIFD
    }

    /// An unsigned integer of `size` bytes at `offset`, in the file's byte order.
    func uint(at offset: Int, size: Int) -> Int? {
        guard offset >= 0, offset + size <= bytes.count else { return nil }
        let slice = bytes[offset..<(offset + size)]
        return (bigEndian ? Array(slice) : slice.reversed()).reduce(0) { $0 << 8 | Int($1) }
    }

    /// The entries of the IFD at `offset`, by tag (at most 512, to stay bounded on bad input).
    func entries(at offset: Int) -> [Int: Entry] {
        guard let count = uint(at: offset, size: 2), count <= 512 else { return [:] }
        var entries: [Int: Entry] = [:]
        for i in 0..<count {
            let at = offset + 2 + i * 12
            guard let tag = uint(at: at, size: 2), let type = uint(at: at + 2, size: 2), let number = uint(at: at + 4, size: 4) else { break }
            entries[tag] = Entry(type: type, count: number, field: at + 8)
        }
        return entries
    }

    /// A LONG (or SHORT) value, such as a sub-IFD's offset.
    func long(_ entry: Entry) -> Int? {
        switch entry.type {
        case 4: uint(at: entry.field, size: 4)
        case 3: uint(at: entry.field, size: 2)
        default: nil
        }
    }

    /// An ASCII value without its terminating NUL; inline when it fits in four bytes.
    func ascii(_ entry: Entry) -> String? {
        guard entry.type == 2, entry.count > 0, entry.count <= 256 else { return nil }
        let start = entry.count <= 4 ? entry.field : uint(at: entry.field, size: 4)
        guard let start, start + entry.count <= bytes.count else { return nil }
        let text = bytes[start..<(start + entry.count)].prefix { $0 != 0 }
        return String(decoding: text, as: UTF8.self)
    }

    /// RATIONAL values (numerator / denominator of two LONGs each); nil on a zero denominator.
    func rationals(_ entry: Entry) -> [Double]? {
        guard entry.type == 5, entry.count > 0, entry.count <= 16, let start = uint(at: entry.field, size: 4) else { return nil }
        var values: [Double] = []
        for i in 0..<entry.count {
            guard let numerator = uint(at: start + i * 8, size: 4), let denominator = uint(at: start + i * 8 + 4, size: 4),
                  denominator != 0 else { return nil }
            values.append(Double(numerator) / Double(denominator))
        }
        return values
    }
}
