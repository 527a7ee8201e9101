using System.Globalization;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Optimiser;

namespace ProofOfHeat.Demo;

/// <summary>
/// The demo's live table: a header, then one fixed-width row per heating decision. A row the optimiser
/// planned shows the slot's electricity price, the comfort band and, per source, the power chosen and what
/// a kWh of its heat costs (the miners' mining revenue taken off); a thermostat row shows its reason. Plain
/// ASCII columns and invariant numbers, so it reads the same in a terminal, a pipe or a log file.
/// </summary>
internal static class DemoTable
{
    /// <summary>The column header.</summary>
    public static string Header { get; } = Row("sim time", "outdoor", "room", "target", "power", "EUR/kWh", "band", "sources: W (EUR per kWh of heat) or reason");

    /// <summary>The column header with the miners' column.</summary>
    public static string HeaderWithMiners { get; } = Header + "  |  miners now (W, or zz asleep)";

    /// <summary>The row for <paramref name="decision"/>, followed by what the miners draw now when <paramref name="miners"/> is given.</summary>
    public static string FormatRow(HeatingDecision decision, string? miners)
    {
        var row = FormatRow(decision);
        return miners is null ? row : row + "  |  " + miners;
    }

    /// <summary>The row for <paramref name="decision"/>.</summary>
    public static string FormatRow(HeatingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var plan = decision.Plan;
        return Row(
            decision.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Celsius(decision.OutdoorTemperature),
            Celsius(decision.RoomTemperature),
            Celsius(decision.TargetTemperature),
            decision.PowerWatts.ToString(CultureInfo.InvariantCulture) + " W",
            plan is null ? "-" : plan.ElectricityPrice.ToString("F3", CultureInfo.InvariantCulture),
            plan is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{plan.Lower:F1}-{plan.Upper:F1}"),
            plan is null ? decision.Reason : Sources(plan));
    }

    // e.g. "avalon_mini 800 (0.202) · bos_s19 off (0.224) · luxos_s19j 1525 (0.224)", then the safe mode's reason.
    private static string Sources(ZonePlan plan)
    {
        var costs = plan.HeatCosts.ToDictionary(c => c.Id, c => c.EurPerKwhHeat, StringComparer.Ordinal);
        var sources = string.Join(" · ", plan.Settings.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Id} {(s.Watts > 0 ? s.Watts.ToString("F0", CultureInfo.InvariantCulture) : "off")} ({costs.GetValueOrDefault(s.Id, double.NaN):F3})")));
        return plan.SafeModeReason is { } reason ? $"{sources}  SAFE MODE: {reason}" : sources;
    }

    private static string Celsius(double? value) =>
        value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " C" : "-";

    private static string Row(string time, string outdoor, string room, string target, string power, string price, string band, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"{time,-16}  {outdoor,7}  {room,6}  {target,6}  {power,7}  {price,7}  {band,9}  {detail}");
}
