using System.Text.Json;
using ProofOfHeat.Bench.Heating.Kpis;

namespace ProofOfHeat.Bench.Heating.Report;

/// <summary>Writes every run's KPIs as JSON (derived values included).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Serialize(IReadOnlyList<RunKpis> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Select(r => new
        {
            r.Scenario,
            r.Strategy,
            r.Error,
            r.Days,
            r.NetCost,
            r.GrossCost,
            r.ElectricityCost,
            r.GasCost,
            r.MiningRevenue,
            r.NetPerKwhHeat,
            r.HeatKwh,
            r.ElectricKwh,
            r.GasKwh,
            r.Co2Kg,
            r.PeakKw,
            r.DiscomfortKh,
            r.DiscomfortPerDay,
            r.MinRoom,
            r.MaxRoom,
            r.Starts,
            r.Transitions,
            r.LevelChanges,
            r.Travel,
            r.DwellViolationAttempts,
            r.Decisions,
            r.MeanDecisionMs,
            r.MaxDecisionMs,
            r.MeanDecisionCpuMs,
            r.MaxDecisionCpuMs,
            r.TimeRatio,
            r.FaultMaxExcursionK,
            r.Sources,
            r.Configuration,
            r.ReusedFrom,
        });
        return JsonSerializer.Serialize(rows, Options);
    }

    /// <summary>Reads the rows of an earlier results.json back (derived values are recomputed, not read).</summary>
    public static IReadOnlyList<RunKpis> Deserialize(string json)
    {
        var rows = JsonSerializer.Deserialize<List<RunKpis>>(json) ?? [];
        return rows;
    }
}
