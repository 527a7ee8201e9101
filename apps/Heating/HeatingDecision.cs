namespace ProofOfHeat.Apps.Heating;

/// <summary>One decision of the heating app, as the journal and the demo table show it.</summary>
/// <param name="At">When it was taken (the app's clock).</param>
/// <param name="Zone">The zone it is for.</param>
/// <param name="RoomTemperature">The room reading used, °C, or <see langword="null"/> when there was none.</param>
/// <param name="OutdoorTemperature">The outdoor reading used, °C, or <see langword="null"/>.</param>
/// <param name="TargetTemperature">The target, °C.</param>
/// <param name="OnFraction">The policy's wanted fraction of full heat, 0..1.</param>
/// <param name="PowerWatts">The power commanded, W.</param>
/// <param name="Reason">Why, in a few words for people (for example <c>TPI 43%, schedule comfort</c>); code reads <paramref name="Rule"/> and <paramref name="FailedSources"/>.</param>
/// <param name="Plan">What the optimiser planned for the zone's slot (sources, price, heat costs, band), or null when TPI decided.</param>
/// <param name="Rule">Which rule decided the zone.</param>
/// <param name="FailedSources">The zone's sources whose command failed this round (empty when all were delivered).</param>
public sealed record HeatingDecision(
    DateTimeOffset At,
    string Zone,
    double? RoomTemperature,
    double? OutdoorTemperature,
    double TargetTemperature,
    double OnFraction,
    int PowerWatts,
    string Reason,
    Optimiser.ZonePlan? Plan = null,
    ZoneRule Rule = ZoneRule.Tpi,
    IReadOnlyList<string>? FailedSources = null);
