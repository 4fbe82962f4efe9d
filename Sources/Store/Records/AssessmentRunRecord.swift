import Campaign
import Foundation

/// An assessment run as `GET /assessments/{id}` shows it (results are read separately).
public struct AssessmentRunRecord: Codable, Sendable, Hashable {
    /// Where a run is in its life.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case queued, running, done, failed, published
    }

    public var id: Int64
    public var year: Int
    public var period: Period
    public var status: Status
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var publishedAt: Date?
    /// Why a failed run failed.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id, year, period, status
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case publishedAt = "published_at"
        case error
    }

    /// Whether the run has results to show.
    public var hasResults: Bool { status == .done || status == .published }
}

extension AssessmentRunRecord.Status: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .queued: "排队中"
        case .running: "计算中"
        case .done: "已完成（待发布）"
        case .failed: "计算失败"
        case .published: "已发布"
        }
    }
}
