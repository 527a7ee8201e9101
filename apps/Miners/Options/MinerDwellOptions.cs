namespace ProofOfHeat.Apps.Miners.Options;

/// <summary>
/// How long a miner must stay in a state before the fleet changes it again (config <c>dwell:</c>, fleet-wide or per
/// miner). Ramps take minutes and some changes restart the miner, so flapping wastes heat and wears the hardware
/// (user reports on hass-miner and pyasic).
/// </summary>
public sealed class MinerDwellOptions
{
    /// <summary>The least time a miner runs after being switched on before it may sleep.</summary>
    public TimeSpan MinimumOn { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time a miner sleeps after being switched off before it may wake.</summary>
    public TimeSpan MinimumOff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time between two power changes (targets or tiers) that apply quickly.</summary>
    public TimeSpan PowerChangeInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The least time between power targets on firmware that retunes (Braiins OS, VNish).</summary>
    public TimeSpan TunedPowerChangeInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The least time between power changes that restart the miner (Whatsminer <c>adjust_power_limit</c>).</summary>
    public TimeSpan RestartingPowerChangeInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when a time is negative.</summary>
    /// <param name="what">Where the options sit, for the message.</param>
    public void Validate(string what)
    {
        foreach (var (name, value) in new[]
        {
            ("minimum_on", MinimumOn), ("minimum_off", MinimumOff), ("power_change_interval", PowerChangeInterval),
            ("tuned_power_change_interval", TunedPowerChangeInterval), ("restarting_power_change_interval", RestartingPowerChangeInterval),
        })
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentException($"{what}.{name} cannot be negative.");
            }
        }
    }
}
