/// One of the county's financing platforms (投融资平台).
public struct FinancingPlatformRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var note: String?
    public var version: Int
}
