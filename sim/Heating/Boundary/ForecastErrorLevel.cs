namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>BOPTEST's forecast uncertainty levels (github.com/ibpsa/project1-boptest), plus a perfect forecast.</summary>
public enum ForecastErrorLevel
{
    /// <summary>The forecast is the truth.</summary>
    Deterministic,

    /// <summary>F0 0, K0 0.6, F 0.92, K 0.4, μ 0.</summary>
    Low,

    /// <summary>F0 0.15, K0 1.2, F 0.93, K 0.6, μ 0.</summary>
    Medium,

    /// <summary>F0 −0.58, K0 1.5, F 0.95, K 0.7, μ −0.015.</summary>
    High,
}
