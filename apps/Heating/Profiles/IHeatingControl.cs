using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>
/// What users change in the heating: the active profile, and per zone the mode and a manual target or preset with a
/// time-to-live. One instance is shared by the heating app, HA's entities, the web API and Telegram; the app
/// follows <see cref="Changed"/> and decides again at once.
/// </summary>
public interface IHeatingControl
{
    /// <summary>Emits the zone that changed, or null when the profile (so every zone) changed.</summary>
    IObservable<string?> Changed { get; }

    /// <summary>The active profile.</summary>
    ActiveProfile Active { get; }

    /// <summary>The names of every known profile, sorted.</summary>
    IReadOnlyList<string> ProfileNames { get; }

    /// <summary>
    /// Stores every configured profile the store does not have yet (a profile edited through the API wins over the
    /// config), then activates the stored choice, else <paramref name="preferred"/>, else the first profile. The
    /// heating app calls it when it starts.
    /// </summary>
    Task SeedAsync(IReadOnlyList<HeatingProfile> configured, string? preferred, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="name"/> the active profile and stores the choice.</summary>
    /// <exception cref="KeyNotFoundException">There is no such profile.</exception>
    Task SwitchProfileAsync(string name, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a profile (validated first; the active one takes effect at once).</summary>
    /// <exception cref="ArgumentException">The profile does not compile.</exception>
    Task SaveProfileAsync(HeatingProfile profile, CancellationToken cancellationToken);

    /// <summary>The zone's settings (the schedule with mode heat when nothing was set); expired overrides read as none.</summary>
    ZoneSettings GetZone(string zoneId);

    /// <summary>Sets the zone's mode.</summary>
    void SetMode(string zoneId, ZoneMode mode);

    /// <summary>Sets a manual target; the schedule resumes after <paramref name="ttl"/> (null: until cleared).</summary>
    void SetTarget(string zoneId, double target, TimeSpan? ttl);

    /// <summary>Chooses a preset (null goes back to the schedule); boost without a time-to-live gets the default boost duration.</summary>
    void SetPreset(string zoneId, HeatingPreset? preset, TimeSpan? ttl);
}
