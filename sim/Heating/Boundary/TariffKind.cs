namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>The PoH-Bench electricity tariffs (bench/Heating/README.md, Boundary conditions).</summary>
public enum TariffKind
{
    /// <summary>Flat 0.30 €/kWh.</summary>
    T1,

    /// <summary>Two-rate: 0.35 €/kWh 07–22 h, 0.22 €/kWh otherwise.</summary>
    T2,

    /// <summary>15-min dynamic: synthetic spot + 0.15 €/kWh network charge, × 1.2 VAT, published at 13:00 for the next day.</summary>
    T3,

    /// <summary>Agile-like half-hourly: min(2.2·W + 0.12 between 16 and 19 h, 0.78), published at 16:00 for the next day.</summary>
    T4,

    /// <summary>T3 with the spot spread doubled ("stress").</summary>
    T3Stress,
}
