/// The kind of investor behind an attraction deal.
public enum InvestorKind: String, Codable, Sendable, CaseIterable {
    /// A central state-owned enterprise (央企).
    case centralSOE = "central_soe"
    /// Another state-owned enterprise.
    case stateOwned = "state_owned"
    /// A private company.
    case `private`
    /// A foreign company.
    case foreign
    /// A Hong Kong or Macao company.
    case hkMacao = "hk_macao"
    /// Anything else.
    case other
}
