/// The kind of a project's funding source (资金来源).
public enum FundingKind: String, Codable, Sendable, CaseIterable {
    /// 中央预算内.
    case centralBudget = "central_budget"
    /// 省级专项.
    case provincial
    /// 县级财政.
    case countyFiscal = "county_fiscal"
    /// 资本金注入.
    case capitalInjection = "capital_injection"
    /// 投资补助.
    case investmentSubsidy = "investment_subsidy"
    /// 贷款贴息.
    case loanInterestSubsidy = "loan_interest_subsidy"
    /// 银行贷款.
    case bankLoan = "bank_loan"
    /// 投融资平台: one of the county's financing platforms.
    case platform
    /// 企业自筹.
    case selfRaised = "self_raised"
    /// 招商引资.
    case attracted
    /// Anything else.
    case other
}
