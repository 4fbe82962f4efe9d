import Campaign
import Crypto
import Hummingbird
import HummingbirdCore
import Store

/// Reads an upload's body as it arrives: the type from the first bytes (which must be the
/// declared one), the SHA-256, the EXIF of a JPEG's first piece, and the limit, handing each full
/// 256 KiB piece to `store`. Holds at most one piece and the hash state, whatever the file's size.
struct AttachmentStream {
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
                Problem(.contentTooLarge, .attachmentTooLarge, ["mib": "\(bytes / (1 << 20))"])
            case .quota(let remaining):
                Problem(.contentTooLarge, .attachmentQuota, ["bytes": "\(remaining)", "left": Wording.bytes(Int(clamping: remaining))],
                        extensions: ["remaining_bytes": Int(clamping: remaining)])
            }
        }
    }

    let declared: AttachmentType
    let limit: Limit
    private var hasher = SHA256()
    private var pending: [UInt8] = []
    private var size = 0
    private var pieces = 0
    private var sniffed = false
    private(set) var photo = PhotoMetadata()

    init(declared: AttachmentType, limit: Limit) {
        self.declared = declared
        self.limit = limit
        pending.reserveCapacity(AttachmentQueries.chunkSize)
    }

    /// Reads `body` to its end (or to the first reason to stop), calling `store` with each piece
    /// and its sequence number; returns the size and the SHA-256 in hex.
    mutating func consume(
        _ body: HummingbirdCore.RequestBody, store: (Int, [UInt8]) async throws -> Void
    ) async throws -> (size: Int64, sha256: String) {
        for try await var buffer in body {
            size += buffer.readableBytes
            if size > limit.bytes { throw limit.problem }
            while buffer.readableBytes > 0 {
                let take = min(buffer.readableBytes, AttachmentQueries.chunkSize - pending.count)
                buffer.withUnsafeReadableBytes { raw in pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw.prefix(take))) }
                buffer.moveReaderIndex(forwardBy: take)
                try checkType()
                if pending.count == AttachmentQueries.chunkSize { try await flush(store) }
            }
        }
        guard size > 0 else {
            throw Problem.invalid([FieldError(field: "body", .bodyEmpty)])
        }
        try checkType(atEnd: true)
        if !pending.isEmpty { try await flush(store) }
        let digest = hasher.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        return (Int64(size), digest)
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

    private mutating func flush(_ store: (Int, [UInt8]) async throws -> Void) async throws {
        hasher.update(data: pending)
        if pieces == 0, declared == .jpeg { photo = PhotoMetadata.read(jpeg: pending) }
        try await store(pieces, pending)
        pieces += 1
        pending.removeAll(keepingCapacity: true)
    }
}
