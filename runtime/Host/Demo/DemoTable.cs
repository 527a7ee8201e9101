using System.Globalization;
using ProofOfHeat.Apps.Heating;

namespace ProofOfHeat.Host.Demo;

/// <summary>
/// The demo's live table: a header, then one fixed-width row per heating decision. Plain ASCII
/// columns and invariant numbers, so it reads the same in a terminal, a pipe or a log file.
/// </summary>
internal static class DemoTable
{
    /// <summary>The column header.</summary>
    public static string Header { get; } = Row("sim time", "outdoor", "room", "target", "power", "reason");

    /// <summary>The column header with the miners' column.</summary>
    public static string HeaderWithMiners { get; } = Header.PadRight(Header.Length + 24) + "  miners now (W, or zz asleep)";

    /// <summary>The row for <paramref name="decision"/>, followed by what the miners draw now when <paramref name="miners"/> is given.</summary>
    public static string FormatRow(HeatingDecision decision, string? miners)
    {
        var row = FormatRow(decision);
        return miners is null ? row : row.PadRight(Header.Length + 24) + "  " + miners;
    }

    /// <summary>The row for <paramref name="decision"/>.</summary>
    public static string FormatRow(HeatingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Row(
            decision.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Celsius(decision.OutdoorTemperature),
            Celsius(decision.RoomTemperature),
            Celsius(decision.TargetTemperature),
            decision.PowerWatts.ToString(CultureInfo.InvariantCulture) + " W",
            decision.Reason);
    }

    private static string Celsius(double? value) =>
        value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " C" : "-";

    private static string Row(string time, string outdoor, string room, string target, string power, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"{time,-16}  {outdoor,8}  {room,7}  {target,7}  {power,7}  {reason}");
}
