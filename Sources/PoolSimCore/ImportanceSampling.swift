/// Importance sampling of the systematic factors (Glasserman and Li 2005):
/// each standard-normal factor draw gets a mean μ, each Gamma factor (the t
/// copula's W, CreditRisk+'s Γ) its scale multiplied by s. Laid out like a
/// trial's factor draws: year by year, within a year the normals (G's
/// innovation, each sector, each bank) and then the Gamma factors.
public struct FactorTilt: Sendable, Equatable {
    /// μ per factor draw (0 for Gamma factors).
    public var normalShift: [Double]
    /// s per factor draw (1 for normal factors).
    public var gammaScale: [Double]

    public init(normalShift: [Double], gammaScale: [Double]) {
        precondition(normalShift.count == gammaScale.count)
        self.normalShift = normalShift
        self.gammaScale = gammaScale
    }
}
