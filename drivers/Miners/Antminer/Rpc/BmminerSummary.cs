using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Antminer.Rpc;

/// <summary>What the bmminer <c>summary</c> reply tells (pyasic's bmminer backend and its fixtures).</summary>
/// <param name="HashrateGigahash">The 5-second hashrate, GH/s.</param>
/// <param name="AverageHashrateGigahash">The average since start, GH/s.</param>
/// <param name="Elapsed">Time since bmminer started.</param>
/// <param name="HardwareErrors">The hardware error count.</param>
internal sealed record BmminerSummary(double? HashrateGigahash, double? AverageHashrateGigahash, TimeSpan? Elapsed, long? HardwareErrors)
{
    /// <summary>Reads <c>SUMMARY[0]</c>; bmminer gives GH/s (<c>GHS 5s</c>), older cgminer MH/s (<c>MHS 5s</c>).</summary>
    public static BmminerSummary Parse(JsonElement root)
    {
        var summary = JsonFields.Section(root, "SUMMARY");
        return new BmminerSummary(
            Gigahash(summary, "5s"),
            Gigahash(summary, "av"),
            JsonFields.Number(summary, "Elapsed") is { } s and >= 0 ? TimeSpan.FromSeconds(s) : null,
            JsonFields.WholeNumber(summary, "Hardware Errors"));
    }

    private static double? Gigahash(JsonElement summary, string window) =>
        JsonFields.Number(summary, "GHS " + window) ?? JsonFields.Number(summary, "MHS " + window) / 1000;
}
