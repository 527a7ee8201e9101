using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// What an Avalon's <c>stats</c> (or <c>estats</c>) reply tells, read from the <c>MM ID0</c> status
/// string (pyasic's Avalon backend).
/// </summary>
internal sealed record AvalonStats
{
    /// <summary>The firmware version token (<c>Ver</c>).</summary>
    public string? Version { get; init; }

    /// <summary>The miner's own clock (<c>STATUS[0].When</c>, Unix seconds): unsynchronised home miners count from boot.</summary>
    public long? MinerClock { get; init; }

    /// <summary>Measured wall power, W (<c>WALLPOWER</c>; older firmware lacks it).</summary>
    public double? WallPowerWatts { get; init; }

    /// <summary>The power limit of the current work level, W (<c>MPO</c>).</summary>
    public int? PowerLimitWatts { get; init; }

    /// <summary>The current work level (<c>WORKLEVEL</c>): the power setting of the original Nano 3, a sub-level inside the mode on models with work modes.</summary>
    public int? WorkLevel { get; init; }

    /// <summary>The current work mode (<c>WORKMODE</c>), on models that have work modes (Nano 3S, Mini 3 and newer); null on the original Nano 3.</summary>
    public int? WorkMode { get; init; }

    /// <summary>
    /// The last number of <c>PS[…]</c>, W: the power the Nano 3S and Mini 3 measure (pyasic reads the Nano 3S's
    /// watts from <c>PS[6]</c>; ajberti/ha-avalon-mini reads the Mini 3's from <c>PS[…]</c>). Null when absent or zero.
    /// </summary>
    public double? PsWatts { get; init; }

    /// <summary>Outlet (warm side) temperature, °C (<c>OTemp</c>, on the Nano 3S and Mini 3).</summary>
    public double? OutletTemperature { get; init; }

    /// <summary>Whether mining is soft-switched off (<c>SoftOFF[1]</c>).</summary>
    public bool SoftOff { get; init; }

    /// <summary>The 5-second hashrate, GH/s (<c>GHSspd</c>, else <c>GHSavg</c>).</summary>
    public double? HashrateGigahash { get; init; }

    /// <summary>Inlet (ambient) temperature, °C (<c>ITemp</c>, else <c>Temp</c>; -273 means the model has no such sensor).</summary>
    public double? InletTemperature { get; init; }

    /// <summary>Per-board maximum chip temperatures, °C (<c>MTmax</c>, else <c>TMax</c>).</summary>
    public IReadOnlyList<double> ChipTemperatures { get; init; } = [];

    /// <summary>Per-board average temperatures, °C (<c>MTavg</c>, else <c>TAvg</c>).</summary>
    public IReadOnlyList<double> BoardTemperatures { get; init; } = [];

    /// <summary>Fan speeds, RPM (<c>Fan1</c>, <c>Fan2</c>, …).</summary>
    public IReadOnlyList<int> FanRpm { get; init; } = [];

    /// <summary>Time since cgminer started (<c>Elapsed</c>).</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>The text status (<c>SYSTEMSTATU</c>), e.g. "Work: In Work, Hash Board: 3".</summary>
    public string? SystemStatus { get; init; }

    /// <summary>Non-zero error flags (<c>ECHU</c> per board, <c>ECMM</c> for the controller), as "ECHU[0]=4".</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Reads the reply; the status string is the first <c>STATS</c> element's field whose name starts with <c>MM ID</c>.</summary>
    /// <exception cref="MinerProtocolException">The reply carries no status string.</exception>
    public static AvalonStats Parse(JsonElement root)
    {
        var text = FindStatusString(root) ?? throw new MinerProtocolException("The stats reply has no \"MM ID0\" status string.");
        var t = AvalonStatusTokens.Parse(text);
        var chipTemps = t.Numbers("MTmax") is { Count: > 0 } perBoard ? perBoard : t.Numbers("TMax");
        var boardTemps = t.Numbers("MTavg") is { Count: > 0 } perBoardAvg ? perBoardAvg : t.Numbers("TAvg");
        return new AvalonStats
        {
            Version = t.Text("Ver"),
            MinerClock = JsonFields.WholeNumber(JsonFields.Section(root, "STATUS"), "When"),
            WallPowerWatts = t.Number("WALLPOWER"),
            PowerLimitWatts = t.Number("MPO") is { } mpo ? (int)mpo : null,
            WorkLevel = t.Number("WORKLEVEL") is { } level ? (int)level : null,
            WorkMode = t.Number("WORKMODE") is { } mode ? (int)mode : null,
            PsWatts = t.Numbers("PS") is [.., var last] && last > 0 ? last : null,
            OutletTemperature = Sensor(t.Number("OTemp")),
            SoftOff = t.Number("SoftOFF") is > 0,
            HashrateGigahash = t.Number("GHSspd") ?? t.Number("GHSavg"),
            InletTemperature = Sensor(t.Number("ITemp")) ?? Sensor(t.Number("Temp")),
            ChipTemperatures = chipTemps.Where(c => c > 0).ToList(),
            BoardTemperatures = boardTemps.Where(c => c > 0).ToList(),
            FanRpm = Enumerable.Range(1, 8)
                .Select(n => t.Number("Fan" + n.ToString(CultureInfo.InvariantCulture)))
                .OfType<double>()
                .Select(rpm => (int)rpm)
                .ToList(),
            Elapsed = t.Number("Elapsed") is { } s and >= 0 ? TimeSpan.FromSeconds(s) : null,
            SystemStatus = t.Text("SYSTEMSTATU"),
            Errors = ErrorFlags(t, "ECHU").Concat(ErrorFlags(t, "ECMM")).ToList(),
        };
    }

    // The firmware writes -273 (absolute zero) for a sensor the model does not have (a Nano 3S dump reads ITemp[-273]).
    private static double? Sensor(double? value) => value is > -273 ? value : null;

    private static string? FindStatusString(JsonElement root)
    {
        var stats = JsonFields.Section(root, "STATS");
        if (stats.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return stats.EnumerateObject()
            .Where(p => p.Name.StartsWith("MM ID", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();
    }

    private static IEnumerable<string> ErrorFlags(AvalonStatusTokens tokens, string key) =>
        tokens.Numbers(key)
            .Select((flag, index) => (flag, index))
            .Where(x => x.flag != 0)
            .Select(x => $"{key}[{x.index}]={x.flag.ToString(CultureInfo.InvariantCulture)}");
}
