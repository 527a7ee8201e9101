namespace ProofOfHeat.Apps.Miners.Options;

/// <summary>
/// When the fleet protects a miner from heat (config <c>overheat:</c>): above <see cref="ThrottleAt"/> it steps the
/// power down, above <see cref="SleepAt"/> (or still hot at the lowest step) it puts the miner to sleep, and below
/// <see cref="RecoverBelow"/> it gives back what it took.
/// </summary>
public sealed class MinerOverheatOptions
{
    /// <summary>The hottest chip or board temperature that starts throttling, °C.</summary>
    public double ThrottleAt { get; set; } = 85;

    /// <summary>The temperature that sends the miner to sleep at once, °C.</summary>
    public double SleepAt { get; set; } = 95;

    /// <summary>The temperature under which a throttled or overheat-slept miner recovers, °C (the hysteresis).</summary>
    public double RecoverBelow { get; set; } = 75;

    /// <summary>One throttle step on a continuous miner, as a fraction of its power range (a tiered miner drops one tier).</summary>
    public double ThrottleStepFraction { get; set; } = 0.25;

    /// <summary>How long a throttled miner may stay hot before the next step down.</summary>
    public TimeSpan StepEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an overheat-slept miner that reports no temperature sleeps before it is woken again.</summary>
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// How long a running miner's temperature may stay unknown (replies cut off or malformed, no sensors in them) before
    /// an alert: it is throttled one step at once, since protection cannot see it.
    /// </summary>
    public TimeSpan UnknownTemperatureAlertAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws when the thresholds are not ordered or a value is out of range.</summary>
    public void Validate()
    {
        if (!(RecoverBelow < ThrottleAt && ThrottleAt <= SleepAt))
        {
            throw new ArgumentException("overheat: recover_below < throttle_at <= sleep_at is needed.");
        }

        if (!(ThrottleStepFraction > 0 && ThrottleStepFraction <= 1))
        {
            throw new ArgumentException("overheat: throttle_step_fraction must be in (0, 1].");
        }

        if (StepEvery < TimeSpan.Zero || CoolDown < TimeSpan.Zero || UnknownTemperatureAlertAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("overheat: step_every, cool_down and unknown_temperature_alert_after cannot be negative.");
        }
    }
}
