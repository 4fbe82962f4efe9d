import Campaign
import Foundation
import Testing

@Suite struct ValidatorTests {
    @Test func collectsEveryErrorInOrder() {
        var v = Validator()
        let name = v.string("  Ring road  ", field: "name", maxLength: 20)
        let code = v.string("   ", field: "code", maxLength: 20)
        let owner = v.string(String(repeating: "业", count: 21), field: "owner", maxLength: 20)
        let note = v.string(nil, field: "note", maxLength: 20, required: false)
        let industry = v.string(nil, field: "industry", maxLength: 20)
        #expect(name == "Ring road")
        #expect(code == nil && owner == nil && note == nil && industry == nil)
        #expect(v.errors.map(\.field) == ["code", "owner", "industry"])
        #expect(v.errors.map(\.code) == [.blankText, .textTooLong, .requiredText])
        #expect(v.errors[1].message.arguments == ["max": "20", "got": "21"])
        #expect(!v.isValid)
    }

    @Test func choiceListsTheAllowedValues() {
        var v = Validator()
        let good: Stage? = v.choice("new_start", field: "stage")
        let bad: ProjectCategory? = v.choice("roads", field: "category")
        let absent: Stage? = v.choice(nil, field: "stage2", required: false)
        #expect(good == .newStart && bad == nil && absent == nil)
        #expect(v.errors == [FieldError(field: "category", .notAChoice, [
            "allowed": "infrastructure, industry, services, agriculture, environment, social", "value": "roads",
        ])])
    }

    @Test func datesMonthsMoneyAndIntegers() {
        var v = Validator()
        let planned = v.date("2026-03-01", field: "planned_start")
        let badDate = v.date("2026-02-29", field: "actual_start")
        let noDate = v.date(nil, field: "actual_completion", required: false)
        let month = v.month("2026-03", field: "month")
        let badMonth = v.month("2026-3", field: "month")
        let amount = v.money(d("12.34"), field: "amount")
        let badAmount = v.money(d("12.345"), field: "total_investment")
        let negative = v.money(d("-3"), field: "investment_completed")
        let missingAmount = v.money(nil, field: "planned_amount")
        let day = v.integer(29, field: "report_deadline_day", in: 1...28)
        #expect(planned == CalendarDate("2026-03-01") && badDate == nil && noDate == nil)
        #expect(month == Month("2026-03") && badMonth == nil)
        #expect(amount?.amount == d("12.34") && badAmount == nil && negative == nil && missingAmount == nil)
        #expect(day == nil)
        #expect(v.errors.map(\.field) == [
            "actual_start", "month", "total_investment", "investment_completed", "planned_amount", "report_deadline_day",
        ])
        #expect(v.errors.map(\.code) == [
            .notADate, .notAMonth, .tooManyDecimals, .negativeAmount, .requiredMoney, .integerOutOfRange,
        ])
    }

    @Test func requireAndAddContents() {
        var v = Validator()
        let kept = v.require(true, "x", .numberNegative)
        let refused = v.require(false, "land_area", .numberNegative)
        #expect(kept && !refused)
        v.add(contentsOf: Stage.completed.missingDates(actualStart: nil, actualCompletion: nil))
        #expect(v.errors.map(\.field) == ["land_area", "actual_start", "actual_completion"])
        #expect(FieldError(field: "a", .requiredValue).description == "a: 必填，请填写。")
    }
}
