import Foundation

/// What a site photo says about where and when it was taken, from its JPEG EXIF data: the county
/// checks that a photo is from the site and the month it is filed under.
public struct PhotoMetadata: Sendable, Equatable {
    /// EXIF DateTimeOriginal, in the zone of OffsetTimeOriginal when present, else county time (UTC+8).
    public var takenAt: Date?
    /// Degrees, north positive, rounded to six decimals.
    public var latitude: Decimal?
    /// Degrees, east positive, rounded to six decimals.
    public var longitude: Decimal?

    public init(takenAt: Date? = nil, latitude: Decimal? = nil, longitude: Decimal? = nil) {
        self.takenAt = takenAt
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Reads the EXIF APP1 segment among the leading bytes of a JPEG. Anything missing, malformed
    /// or beyond `bytes` leaves its field nil; nothing here throws or traps on bad input.
    public static func read(jpeg bytes: [UInt8]) -> PhotoMetadata {
        guard let tiff = ExifSegment.find(in: bytes), let reader = TIFFReader(tiff) else { return PhotoMetadata() }
        var metadata = PhotoMetadata()
        let ifd0 = reader.entries(at: reader.firstIFD)
        if let exifOffset = ifd0[0x8769].flatMap(reader.long) {
            let exif = reader.entries(at: exifOffset)
            if let text = exif[0x9003].flatMap(reader.ascii) {
                metadata.takenAt = Self.date(exif: text, offset: exif[0x9011].flatMap(reader.ascii))
            }
        }
        if let gpsOffset = ifd0[0x8825].flatMap(reader.long) {
            let gps = reader.entries(at: gpsOffset)
            metadata.latitude = Self.coordinate(gps[0x0002].flatMap(reader.rationals), ref: gps[0x0001].flatMap(reader.ascii),
                                                negative: "S", limit: 90)
            metadata.longitude = Self.coordinate(gps[0x0004].flatMap(reader.rationals), ref: gps[0x0003].flatMap(reader.ascii),
                                                 negative: "W", limit: 180)
        }
        return metadata
    }

    /// Capture years taken as real: a camera whose clock was never set writes `0001:01:01` or
    /// `0000:00:00`, which is no time a site photo was taken.
    static let plausibleYears = 1990...2100

    /// `2026:03:14 09:30:05` with an optional `+08:00`; nil unless a real time in `plausibleYears`.
    static func date(exif text: String, offset: String?) -> Date? {
        let numbers = text.split(whereSeparator: { $0 == ":" || $0 == " " }).map { Int($0) }
        guard numbers.count == 6, numbers.allSatisfy({ $0 != nil }), let year = numbers[0], plausibleYears.contains(year) else { return nil }
        var zone = 8 * 3600
        if let offset, offset.count == 6, let sign = offset.first, sign == "+" || sign == "-" {
            let parts = offset.dropFirst().split(separator: ":").compactMap { Int($0) }
            if parts.count == 2 { zone = (sign == "-" ? -1 : 1) * (parts[0] * 3600 + parts[1] * 60) }
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (numbers[0], numbers[1], numbers[2])
        (components.hour, components.minute, components.second) = (numbers[3], numbers[4], numbers[5])
        var calendar = Calendar(identifier: .gregorian)
        guard let timeZone = TimeZone(secondsFromGMT: zone) else { return nil }
        calendar.timeZone = timeZone
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// Degrees, minutes, seconds as three rationals with an N/S or E/W reference.
    static func coordinate(_ parts: [Double]?, ref: String?, negative: String, limit: Double) -> Decimal? {
        guard let parts, parts.count == 3, let ref else { return nil }
        let degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
        guard degrees.isFinite, degrees <= limit else { return nil }
        let signed = ref.uppercased().hasPrefix(negative) ? -degrees : degrees
        return Decimal(string: String(format: "%.6f", signed))
    }
}
