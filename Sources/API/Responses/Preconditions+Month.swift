import Campaign
import Hummingbird

extension Preconditions {
    /// 422 naming `field` when `clock` says `month` has not begun (`CampaignClock.notBegun`).
    static func begun(_ month: Month, clock: CampaignClock, field: String = "month") throws {
        if let message = clock.notBegun(month) { throw Problem.invalid([FieldError(field: field, message: message)]) }
    }
}
