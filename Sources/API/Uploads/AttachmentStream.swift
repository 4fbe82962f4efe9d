import Campaign
import Crypto
import Hummingbird
import HummingbirdCore
import Store

/// Receives an upload's body whole, before any database connection is taken: the type from the
/// first bytes (which must be the declared one), the SHA-256, the EXIF of a JPEG's first piece,
/// and the limit, cutting the bytes into the 256 KiB pieces they are stored as. Holds at most
/// `limit` bytes (10 MiB). A body that arrives in another form (multipart, say) is decoded
/// before it is handed to `receive`.
struct AttachmentStream {
    /// A body received in full: its pieces in order, size, SHA-256 (hex) and the type it is.
    struct Received: Sendable {
        var pieces: [[UInt8]]
        var size: Int64
        var sha256: String
        var type: AttachmentType
        var photo: PhotoMetadata
    }

    /// Why the stream stops before the end.
    enum Limit {
        /// The largest file the API takes.
        case fileSize(Int)
        /// What the project's quota has left.
        case quota(remaining: Int64)

        var bytes: Int {
            switch self {
            case .fileSize(let bytes): bytes
            case .quota(let remaining): Int(clamping: remaining)
            }
        }

        var problem: Problem {
            switch self {
            case .fileSize(let bytes):
                BodyLimit.problem(bytes, code: .attachmentTooLarge)
            case .quota(let remaining):
                Problem(.contentTooLarge, .attachmentQuota, ["bytes": "\(remaining)", "left": Wording.bytes(Int(clamping: remaining))],
                        extensions: ["remaining_bytes": Int(clamping: remaining)], headers: [.connection: "close"])
            }
        }
    }

    let declared: AttachmentType
    let limit: Limit
    private var hasher = SHA256()
    private var pending: [UInt8] = []
    private var size = 0
    private var flushed = 0
    private var sniffed = false
    private var photo = PhotoMetadata()

    init(declared: AttachmentType, limit: Limit) {
        self.declared = declared
        self.limit = limit
        pending.reserveCapacity(AttachmentQueries.chunkSize)
    }

    /// Reads `body` to its end (or to the first reason to stop) into pieces.
    mutating func receive(_ body: HummingbirdCore.RequestBody) async throws -> Received {
        var pieces: [[UInt8]] = []
        for try await var buffer in body {
            size += buffer.readableBytes
            if size > limit.bytes { throw limit.problem }
            while buffer.readableBytes > 0 {
                let take = min(buffer.readableBytes, AttachmentQueries.chunkSize - pending.count)
                buffer.withUnsafeReadableBytes { raw in pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw.prefix(take))) }
                buffer.moveReaderIndex(forwardBy: take)
                try checkType()
                if pending.count == AttachmentQueries.chunkSize { pieces.append(flush()) }
            }
        }
        guard size > 0 else {
            throw Problem.invalid([FieldError(field: "body", .bodyEmpty)])
        }
        try checkType(atEnd: true)
        if !pending.isEmpty { pieces.append(flush()) }
        let digest = hasher.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        return Received(pieces: pieces, size: Int64(size), sha256: digest, type: declared, photo: photo)
    }

    /// Decides the type once enough bytes are in: 415 unless the file is what was declared.
    private mutating func checkType(atEnd: Bool = false) throws {
        guard !sniffed, atEnd || pending.count >= AttachmentType.sniffLength else { return }
        sniffed = true
        guard let actual = AttachmentType.sniff(pending) else {
            throw Problem(.unsupportedMediaType, .attachmentContent, ["accepted": "\(AttachmentType.accepted)"])
        }
        if actual != declared {
            throw Problem(.unsupportedMediaType, .attachmentMislabelled, ["actual": actual.rawValue, "declared": declared.rawValue])
        }
    }

    private mutating func flush() -> [UInt8] {
        hasher.update(data: pending)
        if flushed == 0, declared == .jpeg { photo = PhotoMetadata.read(jpeg: pending) }
        flushed += 1
        defer { pending = []; pending.reserveCapacity(AttachmentQueries.chunkSize) }
        return pending
    }
}
