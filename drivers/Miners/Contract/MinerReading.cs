namespace ProofOfHeat.Drivers.Miners;

/// <summary>One telemetry reading of a miner. Values the firmware does not give are null or empty.</summary>
public sealed record MinerReading
{
    /// <summary>When the reading was taken (the driver's clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The miner's state.</summary>
    public required MinerStatus Status { get; init; }

    /// <summary>Hashrate, TH/s.</summary>
    public double? HashrateTerahash { get; init; }

    /// <summary>Power drawn, W.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Whether <see cref="PowerWatts"/> is measured or estimated.</summary>
    public PowerReadingSource PowerSource { get; init; }

    /// <summary>The current power target or limit, W, when the firmware has one.</summary>
    public int? PowerLimitWatts { get; init; }

    /// <summary>The current mode or tier name, when the firmware has modes.</summary>
    public string? Mode { get; init; }

    /// <summary>Hashboard temperatures, °C.</summary>
    public IReadOnlyList<double> BoardTemperatures { get; init; } = [];

    /// <summary>Chip temperatures, °C.</summary>
    public IReadOnlyList<double> ChipTemperatures { get; init; } = [];

    /// <summary>The air going in, °C, when the miner measures it.</summary>
    public double? InletTemperature { get; init; }

    /// <summary>The air coming out, °C, when the miner measures it (a heater's warm side).</summary>
    public double? OutletTemperature { get; init; }

    /// <summary>Fan speeds, RPM.</summary>
    public IReadOnlyList<int> FanRpm { get; init; } = [];

    /// <summary>Time since the mining software started.</summary>
    public TimeSpan? Uptime { get; init; }

    /// <summary>Errors the miner reports, and for an unreachable miner why it was not read.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The hottest chip or board temperature, °C, or null.</summary>
    public double? MaximumTemperature =>
        ChipTemperatures.Concat(BoardTemperatures).DefaultIfEmpty(double.NaN).Max() is var max && double.IsNaN(max) ? null : max;

    /// <summary>Efficiency, J/TH, when both power and hashrate are known and positive.</summary>
    public double? JoulesPerTerahash => PowerWatts is > 0 && HashrateTerahash is > 0 ? PowerWatts / HashrateTerahash : null;

    /// <summary>A reading for a miner that did not answer.</summary>
    public static MinerReading Unreachable(DateTimeOffset at, string why) =>
        new() { At = at, Status = MinerStatus.Unreachable, Errors = [why] };
}
