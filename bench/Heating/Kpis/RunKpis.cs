namespace ProofOfHeat.Bench.Heating.Kpis;

/// <summary>The KPIs of one strategy on one scenario's test period (bench/Heating/README.md, KPIs).</summary>
public sealed record RunKpis
{
    public required string Scenario { get; init; }
    public required string Strategy { get; init; }
    public double Days { get; init; }
    public double ElectricityCost { get; init; }
    public double GasCost { get; init; }
    public double MiningRevenue { get; init; }
    public double ElectricKwh { get; init; }
    public double GasKwh { get; init; }
    public double HeatKwh { get; init; }
    public double Co2Kg { get; init; }
    public double PeakKw { get; init; }
    public double DiscomfortKh { get; init; }
    public double MinRoom { get; init; }
    public double MaxRoom { get; init; }
    public IReadOnlyList<SourceSwitching> Sources { get; init; } = [];
    public int Decisions { get; init; }
    public double MeanDecisionMs { get; init; }
    public double MaxDecisionMs { get; init; }

    /// <summary>The deciding thread's CPU time per decision, mean and max, ms (null where not measured: other systems, older rows).</summary>
    public double? MeanDecisionCpuMs { get; init; }
    public double? MaxDecisionCpuMs { get; init; }
    public double TimeRatio { get; init; }
    public double? FaultMaxExcursionK { get; init; }
    public string? Error { get; init; }

    /// <summary>The configuration a swept baseline ran with (bench/Heating/README.md, Equal comfort); null otherwise.</summary>
    public string? Configuration { get; init; }

    /// <summary>Set when the row was read from an earlier results.json instead of being run (<c>--reuse</c>).</summary>
    public string? ReusedFrom { get; init; }

    /// <summary>Electricity plus gas, €.</summary>
    public double GrossCost => ElectricityCost + GasCost;

    /// <summary>Gross energy cost minus mining revenue, €.</summary>
    public double NetCost => GrossCost - MiningRevenue;

    /// <summary>Net cost per kWh of heat produced, €/kWh.</summary>
    public double NetPerKwhHeat => HeatKwh > 0 ? NetCost / HeatKwh : 0;

    public double DiscomfortPerDay => Days > 0 ? DiscomfortKh / Days : 0;

    public int Starts => Sources.Sum(s => s.Starts);

    public int Transitions => Sources.Sum(s => s.Transitions);

    public int LevelChanges => Sources.Sum(s => s.LevelChanges);

    public double Travel => Sources.Sum(s => s.Travel);

    public int DwellViolationAttempts => Sources.Sum(s => s.DwellViolationAttempts);
}
