using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Sim.Devices;

/// <summary>
/// A miner used as an electric heater. A command sets the wanted level at once; the miner then
/// honours its minimum on/off times (a start or stop asked too early waits until it is allowed)
/// and ramps its power linearly to the level within the settle time.
/// </summary>
public sealed class SimulatedMiner : ISimulatedHeatSource
{
    private DateTimeOffset? _lastSwitchAt;

    /// <summary>Creates a stopped miner.</summary>
    public SimulatedMiner(string id, MinerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Options = options ?? new MinerOptions();
        if (Options.PowerLevels.Count == 0 || Options.PowerLevels.Any(l => l < 0) || !Options.PowerLevels.Contains(0))
        {
            throw new ArgumentException("Power levels must be non-negative and include 0.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.SettleTime, TimeSpan.Zero);
        Id = id;
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <summary>The options in use.</summary>
    public MinerOptions Options { get; }

    /// <summary>The last level asked for, W (what a power-limit entity shows).</summary>
    public int RequestedPowerWatts { get; private set; }

    /// <summary>The level the miner is heading for after its on/off protections, W.</summary>
    public int TargetPowerWatts { get; private set; }

    /// <summary>The power drawn right now (all of it becomes heat), W.</summary>
    public double PowerWatts { get; private set; }

    /// <inheritdoc />
    public double ElectricPowerWatts => PowerWatts;

    /// <summary>Whether the miner is running (or starting).</summary>
    public bool IsRunning => TargetPowerWatts > 0;

    /// <summary>How many times the miner started (for switching counts).</summary>
    public int StartCount { get; private set; }

    /// <summary>Electric energy drawn so far, J.</summary>
    public double EnergyJoules { get; private set; }

    /// <summary>
    /// Asks for <paramref name="watts"/>, snapped to the nearest level; returns the level taken.
    /// A start or stop that the minimum times forbid now is carried out as soon as they allow.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or lies outside 0..top level.</exception>
    public int RequestPower(double watts, DateTimeOffset at)
    {
        if (!double.IsFinite(watts) || watts < 0 || watts > Options.MaximumPower)
        {
            throw new ArgumentOutOfRangeException(nameof(watts), watts, "Power must lie within 0 and the top level.");
        }

        RequestedPowerWatts = Options.PowerLevels.MinBy(level => Math.Abs(level - watts));
        ApplyProtections(at);
        return RequestedPowerWatts;
    }

    /// <inheritdoc />
    public HeatInput Advance(DateTimeOffset now, TimeSpan duration, double outdoorTemperature)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ApplyProtections(now);
        var seconds = duration.TotalSeconds;
        var start = PowerWatts;
        var rate = Options.MaximumPower / Options.SettleTime.TotalSeconds;
        var gap = TargetPowerWatts - start;
        var rampSeconds = Math.Abs(gap) / rate;
        double meanPower;
        if (rampSeconds >= seconds)
        {
            PowerWatts = start + (Math.Sign(gap) * rate * seconds);
            meanPower = (start + PowerWatts) / 2;
        }
        else
        {
            PowerWatts = TargetPowerWatts;
            meanPower = ((start + PowerWatts) / 2 * rampSeconds / seconds) + (PowerWatts * (seconds - rampSeconds) / seconds);
        }

        EnergyJoules += meanPower * seconds;
        return new HeatInput(meanPower, 0);
    }

    private void ApplyProtections(DateTimeOffset now)
    {
        var wantsRunning = RequestedPowerWatts > 0;
        if (wantsRunning == IsRunning)
        {
            TargetPowerWatts = RequestedPowerWatts;
            return;
        }

        var sinceSwitch = _lastSwitchAt is { } last ? now - last : TimeSpan.MaxValue;
        var allowed = wantsRunning ? Options.MinimumOffTime : Options.MinimumOnTime;
        if (sinceSwitch < allowed)
        {
            return;
        }

        TargetPowerWatts = RequestedPowerWatts;
        _lastSwitchAt = now;
        if (wantsRunning)
        {
            StartCount++;
        }
    }
}
