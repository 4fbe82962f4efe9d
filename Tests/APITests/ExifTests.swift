import Campaign
import Foundation
import HTTPTypes
import Testing

/// EXIF capture time and GPS position read from JPEGs written in the test, in both byte orders.
@Suite struct ExifTests {
    static let north = TestFiles.Coordinate(ref: "N", dms: [(27, 1), (13, 1), (4500, 100)])
    static let east = TestFiles.Coordinate(ref: "E", dms: [(107, 1), (52, 1), (30, 1)])

    @Test func bigEndianNorthEast() {
        let photo = PhotoMetadata.read(jpeg: TestFiles.jpeg(bigEndian: true, taken: "2026:03:14 09:30:05", latitude: Self.north, longitude: Self.east))
        #expect(photo.takenAt == Date(timeIntervalSince1970: 1_773_451_805))
        #expect(photo.latitude == Decimal(string: "27.229167"))
        #expect(photo.longitude == Decimal(string: "107.875"))
    }

    @Test func littleEndianSouthWestWithAnOffset() {
        let south = TestFiles.Coordinate(ref: "S", dms: [(33, 1), (51, 1), (3540, 100)])
        let west = TestFiles.Coordinate(ref: "W", dms: [(70, 1), (39, 1), (0, 1)])
        let photo = PhotoMetadata.read(jpeg: TestFiles.jpeg(bigEndian: false, taken: "2026:01:02 23:00:00", offset: "-03:00",
                                                            latitude: south, longitude: west))
        #expect(photo.takenAt == Date(timeIntervalSince1970: 1_767_405_600))
        #expect(photo.latitude == Decimal(string: "-33.859833"))
        #expect(photo.longitude == Decimal(string: "-70.65"))
    }

    @Test func anUnusableDateIsIgnored() {
        // MUT: year 1 at −12:00, as a camera with an unset clock writes it
        let photo = PhotoMetadata.read(jpeg: TestFiles.jpeg(bigEndian: true, taken: "0001:01:01 00:00:00", offset: "-12:00",
                                                            latitude: Self.north, longitude: Self.east))
        // validate: no capture time; the position is still read
        #expect(photo.takenAt == nil)
        #expect(photo.latitude == Decimal(string: "27.229167"))
    }

    @Test func missingOrBrokenDataGivesNulls() {
        #expect(PhotoMetadata.read(jpeg: TestFiles.jpeg(bigEndian: true, taken: nil, latitude: nil, longitude: nil)) == PhotoMetadata())
        let zero = TestFiles.Coordinate(ref: "N", dms: [(27, 0), (13, 1), (0, 1)])
        let broken = PhotoMetadata.read(jpeg: TestFiles.jpeg(bigEndian: true, taken: "2026:02:30 10:00:00", latitude: zero, longitude: Self.east))
        #expect(broken.takenAt == nil && broken.latitude == nil && broken.longitude == Decimal(string: "107.875"))
        // a JPEG cut short anywhere never traps
        let whole = TestFiles.jpeg(bigEndian: false, taken: "2026:03:14 09:30:05", latitude: Self.north, longitude: Self.east)
        for length in 0..<whole.count { _ = PhotoMetadata.read(jpeg: Array(whole.prefix(length))) }
        #expect(PhotoMetadata.read(jpeg: TestFiles.png(size: 100)) == PhotoMetadata())
    }
}
