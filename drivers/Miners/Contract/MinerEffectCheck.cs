using System.Globalization;

namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// Whether a read-back shows a command's effect, beyond the field the driver wrote: after a power change the miner's
/// own measurement must sit within the family's tolerance of the target (<see cref="MinerCapabilities.PowerTolerance"/>).
/// A read-back that only checks the field just written proves nothing about the machine.
/// </summary>
internal static class MinerEffectCheck
{
    /// <summary>What the check found.</summary>
    /// <param name="Shown">True when the effect is measured; false when the measurement contradicts it; null when it cannot be measured.</param>
    /// <param name="Expected">What should be read, in words.</param>
    /// <param name="Observed">What was read, in words.</param>
    public readonly record struct Verdict(bool? Shown, string Expected, string Observed);

    /// <summary>Checks <paramref name="reading"/> against <paramref name="command"/>; <paramref name="fieldInEffect"/> is the family's own check.</summary>
    public static Verdict Check(MinerCommand command, MinerReading reading, MinerCapabilities capabilities, bool fieldInEffect)
    {
        var observed = Describe(reading);
        var target = TargetWatts(command, reading, capabilities, fieldInEffect);
        if (command.Kind is not (MinerCommandKind.SetPower or MinerCommandKind.SetTier) || target is null)
        {
            return new Verdict(null, ExpectedField(command), observed);
        }

        if (capabilities.PowerTolerance is not { } tolerance)
        {
            return new Verdict(null, ExpectedField(command), observed);
        }

        var expected = string.Create(CultureInfo.InvariantCulture, $"{ExpectedField(command)}, about {target} W measured (±{tolerance * 100:0.#} %)");
        if (reading.PowerSource != PowerReadingSource.Measured || reading.PowerWatts is not { } measured || reading.Status != MinerStatus.Mining)
        {
            return new Verdict(false, expected, observed);
        }

        return new Verdict(Math.Abs(measured - target.Value) <= tolerance * target.Value, expected, observed);
    }

    /// <summary>Says how a change was confirmed, for the result's detail.</summary>
    public static string HowConfirmed(Verdict verdict, MinerReading reading, MinerCapabilities capabilities) => verdict.Shown switch
    {
        true => string.Create(CultureInfo.InvariantCulture, $"{reading.PowerWatts:0} W measured"),
        _ when !capabilities.ReportsPower => "the reported state only: this miner measures no power",
        _ => "the reported state only",
    };

    // The watts the machine should draw: the target asked, or for a tier the limit the miner now reports for it
    // (its own figure beats our table), else the tier's approximate power.
    private static int? TargetWatts(MinerCommand command, MinerReading reading, MinerCapabilities capabilities, bool fieldInEffect) => command.Kind switch
    {
        MinerCommandKind.SetPower => command.Watts,
        MinerCommandKind.SetTier => (fieldInEffect ? reading.PowerLimitWatts : null)
            ?? capabilities.Tiers.FirstOrDefault(t => string.Equals(t.Name, command.Tier, StringComparison.OrdinalIgnoreCase))?.Watts,
        _ => null,
    };

    private static string ExpectedField(MinerCommand command) => command.Kind switch
    {
        MinerCommandKind.SetPower => string.Create(CultureInfo.InvariantCulture, $"power target {command.Watts} W"),
        MinerCommandKind.SetTier => $"mode {command.Tier}",
        MinerCommandKind.Sleep => "sleeping",
        _ => "mining",
    };

    private static string Describe(MinerReading reading)
    {
        if (reading.Status == MinerStatus.Unreachable)
        {
            return "no answer" + (reading.Errors is [var why, ..] ? $" ({why})" : "");
        }

        var parts = new List<string> { reading.Status.ToString().ToLowerInvariant() };
        if (reading.Mode is { } mode)
        {
            parts.Add("mode " + mode);
        }

        if (reading.PowerLimitWatts is { } limit)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"power target {limit} W"));
        }

        parts.Add(reading.PowerWatts is { } watts
            ? string.Create(CultureInfo.InvariantCulture, $"{watts:0} W {(reading.PowerSource == PowerReadingSource.Measured ? "measured" : "estimated")}")
            : "no power reading");
        return string.Join(", ", parts);
    }
}
