using System.Globalization;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Thermal;

/// <summary>
/// Overheat protection for one reading at a time (pure): above the throttle threshold the power steps down (one tier,
/// or a fraction of the range) at most every <see cref="MinerOverheatOptions.StepEvery"/>; above the sleep threshold,
/// or still hot with no lower step, the miner sleeps; below the recovery threshold it lets go. Each change carries an
/// alert. The fleet sends the commands through the dwell guard, so no step comes faster than the dwell allows.
/// </summary>
public sealed class MinerOverheatPolicy
{
    private readonly MinerOverheatOptions _options;

    /// <summary>Creates the policy.</summary>
    public MinerOverheatPolicy(MinerOverheatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Decides after <paramref name="reading"/>.</summary>
    /// <param name="state">The protection's memory so far.</param>
    /// <param name="reading">The latest reading.</param>
    /// <param name="capabilities">What the miner can do, or null when not known yet (then only sleep is possible).</param>
    /// <param name="target">The power target or tier the fleet believes in effect, or null.</param>
    /// <param name="now">The time.</param>
    public MinerOverheatDecision Decide(MinerThermalState state, MinerReading reading, MinerCapabilities? capabilities, MinerCommand? target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reading);
        var unchanged = new MinerOverheatDecision(state, null, null, null);
        if (reading.Status == MinerStatus.Unreachable)
        {
            return unchanged;
        }

        var temperature = reading.MaximumTemperature;
        if (temperature is null && reading.Status != MinerStatus.Sleeping && state.Level != MinerThermalLevel.Sleeping)
        {
            return Blind(state, reading, capabilities, target, now);
        }

        // Seen again: the spell of not knowing ends (a throttle it caused is let go by the rules below).
        state = state with { UnknownSince = null, UnknownAlerted = false };
        unchanged = new MinerOverheatDecision(state, null, null, null);
        if (temperature is { } hot && hot >= _options.SleepAt && state.Level != MinerThermalLevel.Sleeping)
        {
            return Sleep(state, now, Format($"{hot:0.#} °C reached the sleep threshold {_options.SleepAt:0.#} °C"));
        }

        if (temperature is { } warm && warm >= _options.ThrottleAt)
        {
            return state.Level switch
            {
                MinerThermalLevel.Normal => StepDown(state, Current(reading, capabilities, target), capabilities, now, warm),
                MinerThermalLevel.Throttled when now - state.LastStepAt >= _options.StepEvery =>
                    StepDown(state, state.CapWatts, capabilities, now, warm),
                _ => unchanged,
            };
        }

        var cooled = temperature is { } cool
            ? cool < _options.RecoverBelow
            : state.Level == MinerThermalLevel.Sleeping && now - state.Since >= _options.CoolDown;
        if (cooled && state.Level != MinerThermalLevel.Normal)
        {
            var why = temperature is { } t
                ? Format($"{t:0.#} °C is below {_options.RecoverBelow:0.#} °C")
                : Format($"no temperature after {_options.CoolDown.TotalMinutes:0} min of cooling");
            return new MinerOverheatDecision(MinerThermalState.Normal, null, MinerAlertKind.Recovered, $"recovered: {why}");
        }

        return unchanged;
    }

    /// <summary>
    /// A running miner whose temperature is unknown (a reply cut off or malformed, no sensors in it): protection cannot
    /// see it, so it throttles one step at once, and alerts once the spell lasts <see cref="MinerOverheatOptions.UnknownTemperatureAlertAfter"/>.
    /// </summary>
    private MinerOverheatDecision Blind(MinerThermalState state, MinerReading reading, MinerCapabilities? capabilities, MinerCommand? target, DateTimeOffset now)
    {
        var since = state.UnknownSince ?? now;
        if (state.Level == MinerThermalLevel.Normal
            && Lower(Current(reading, capabilities, target), capabilities) is { } lower)
        {
            var watts = lower.Kind == MinerCommandKind.SetTier ? capabilities!.Tiers.First(t => t.Name == lower.Tier).Watts : lower.Watts!.Value;
            return new MinerOverheatDecision(
                new MinerThermalState(MinerThermalLevel.Throttled, now, now, watts, since),
                lower,
                MinerAlertKind.Throttled,
                $"throttled to {lower}: temperature unknown ({Why(reading)})");
        }

        if (!state.UnknownAlerted && now - since >= _options.UnknownTemperatureAlertAfter)
        {
            return new MinerOverheatDecision(
                state with { UnknownSince = since, UnknownAlerted = true },
                null,
                MinerAlertKind.TemperatureUnknown,
                Format($"temperature unknown for {(now - since).TotalMinutes:0} min ({Why(reading)}); overheat protection cannot see this miner"));
        }

        return new MinerOverheatDecision(state with { UnknownSince = since }, null, null, null);
    }

    private static string Why(MinerReading reading) => reading.Errors.Count > 0 ? string.Join("; ", reading.Errors) : "no temperatures in its reply";

    private MinerOverheatDecision StepDown(MinerThermalState state, int? currentWatts, MinerCapabilities? capabilities, DateTimeOffset now, double temperature)
    {
        if (Lower(currentWatts, capabilities) is not { } lower)
        {
            return Sleep(state, now, Format($"still {temperature:0.#} °C with no lower power step"));
        }

        var since = state.Level == MinerThermalLevel.Normal ? now : state.Since;
        var watts = lower.Kind == MinerCommandKind.SetTier ? capabilities!.Tiers.First(t => t.Name == lower.Tier).Watts : lower.Watts!.Value;
        return new MinerOverheatDecision(
            new MinerThermalState(MinerThermalLevel.Throttled, since, now, watts),
            lower,
            MinerAlertKind.Throttled,
            Format($"throttled to {lower}: {temperature:0.#} °C is above {_options.ThrottleAt:0.#} °C"));
    }

    private static MinerOverheatDecision Sleep(MinerThermalState state, DateTimeOffset now, string why) =>
        new(new MinerThermalState(MinerThermalLevel.Sleeping, state.Since ?? now, now, null), MinerCommand.Sleep, MinerAlertKind.Slept, $"put to sleep: {why}");

    /// <summary>One step below <paramref name="currentWatts"/>, or null when there is none.</summary>
    private MinerCommand? Lower(int? currentWatts, MinerCapabilities? capabilities)
    {
        if (capabilities is null || currentWatts is not { } current)
        {
            return null;
        }

        switch (capabilities.PowerControl)
        {
            case MinerPowerControl.Continuous:
                var low = capabilities.MinimumPowerWatts ?? 1;
                var range = (capabilities.MaximumPowerWatts ?? current) - low;
                var step = Math.Max(capabilities.PowerStepWatts ?? 1, (int)Math.Round(range * _options.ThrottleStepFraction));
                var next = capabilities.ClampPower(Math.Max(low, current - step));
                return next < current ? MinerCommand.SetPower(next) : null;
            case MinerPowerControl.Tiers:
                var below = capabilities.Tiers.Where(t => t.Watts < current).MaxBy(t => t.Watts);
                return below is null ? null : MinerCommand.SetTier(below.Name);
            default:
                return null;
        }
    }

    /// <summary>The power the miner runs at as far as is known, W.</summary>
    private static int? Current(MinerReading reading, MinerCapabilities? capabilities, MinerCommand? target)
    {
        if (capabilities?.PowerControl == MinerPowerControl.Tiers)
        {
            var mode = reading.Mode ?? target?.Tier;
            var tier = capabilities.Tiers.FirstOrDefault(t => string.Equals(t.Name, mode, StringComparison.OrdinalIgnoreCase))
                ?? capabilities.Tiers.MaxBy(t => t.Watts);
            return tier?.Watts;
        }

        var watts = reading.PowerLimitWatts ?? target?.Watts ?? capabilities?.MaximumPowerWatts;
        if (watts is null && reading.PowerWatts is { } drawn && drawn > 0)
        {
            watts = (int)Math.Round(drawn);
        }

        return watts;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
