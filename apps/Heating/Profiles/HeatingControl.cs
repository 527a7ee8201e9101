using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>
/// The shared <see cref="IHeatingControl"/>: profiles persist in an <see cref="IHeatingProfileStore"/>; zone modes
/// and overrides live in memory (an override is short-lived by design, and after a restart the schedule is the safe
/// default). Call <see cref="SeedAsync"/> once with the configured profiles before use.
/// </summary>
public sealed class HeatingControl : IHeatingControl, IDisposable
{
    private readonly IHeatingProfileStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _defaultBoost;
    private readonly ConcurrentDictionary<string, ZoneSettings> _zones = new(StringComparer.Ordinal);
    private readonly Subject<string?> _changed = new();
    private readonly SemaphoreSlim _profilesGate = new(1, 1);
    private readonly IObservable<string?> _changedView;
    private volatile ActiveProfile _active = ActiveProfile.Of(HeatingProfile.Default());
    private volatile IReadOnlyList<string> _names = ["default"];
    private int _disposed;

    /// <summary>Creates the control.</summary>
    /// <param name="store">Where profiles persist.</param>
    /// <param name="time">The clock for time-to-live expiry.</param>
    /// <param name="defaultBoost">How long a boost lasts when no time-to-live is given.</param>
    public HeatingControl(IHeatingProfileStore store, TimeProvider time, TimeSpan? defaultBoost = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _defaultBoost = defaultBoost ?? TimeSpan.FromHours(1);
        _changedView = _changed.AsObservable();
    }

    /// <inheritdoc />
    public IObservable<string?> Changed => _changedView;

    /// <inheritdoc />
    public ActiveProfile Active => _active;

    /// <inheritdoc />
    public IReadOnlyList<string> ProfileNames => _names;

    /// <inheritdoc />
    public async Task SeedAsync(IReadOnlyList<HeatingProfile> configured, string? preferred, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        await _profilesGate.WaitAsync(cancellationToken);
        try
        {
            var stored = await _store.ListAsync(cancellationToken);
            foreach (var profile in configured.Where(c => !stored.Any(s => s.Name == c.Name)))
            {
                profile.Compile();
                await _store.SaveAsync(profile, cancellationToken);
            }

            var all = await _store.ListAsync(cancellationToken);
            if (all.Count == 0)
            {
                await _store.SaveAsync(HeatingProfile.Default(), cancellationToken);
                all = await _store.ListAsync(cancellationToken);
            }

            var chosen = await _store.GetActiveAsync(cancellationToken);
            var active = all.FirstOrDefault(p => p.Name == chosen) ?? all.FirstOrDefault(p => p.Name == preferred) ?? all[0];
            _names = [.. all.Select(p => p.Name).Order(StringComparer.Ordinal)];
            _active = ActiveProfile.Of(active);
        }
        finally
        {
            _profilesGate.Release();
        }

        _changed.OnNext(null);
    }

    /// <inheritdoc />
    public async Task SwitchProfileAsync(string name, CancellationToken cancellationToken)
    {
        await _profilesGate.WaitAsync(cancellationToken);
        try
        {
            var profile = (await _store.ListAsync(cancellationToken)).FirstOrDefault(p => p.Name == name)
                ?? throw new KeyNotFoundException($"There is no heating profile '{name}'; the profiles are: {string.Join(", ", _names)}.");
            var compiled = ActiveProfile.Of(profile);
            await _store.SetActiveAsync(name, cancellationToken);
            _active = compiled;
        }
        finally
        {
            _profilesGate.Release();
        }

        _changed.OnNext(null);
    }

    /// <inheritdoc />
    public async Task SaveProfileAsync(HeatingProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var compiled = ActiveProfile.Of(profile);
        await _profilesGate.WaitAsync(cancellationToken);
        try
        {
            await _store.SaveAsync(profile, cancellationToken);
            _names = [.. (await _store.ListAsync(cancellationToken)).Select(p => p.Name).Order(StringComparer.Ordinal)];
            if (_active.Profile.Name == profile.Name)
            {
                _active = compiled;
            }
        }
        finally
        {
            _profilesGate.Release();
        }

        _changed.OnNext(null);
    }

    /// <inheritdoc />
    public ZoneSettings GetZone(string zoneId)
    {
        var settings = _zones.GetValueOrDefault(zoneId) ?? ZoneSettings.Scheduled;
        return settings.Override is { } manual && !manual.IsActiveAt(_time.GetUtcNow()) ? settings with { Override = null } : settings;
    }

    /// <inheritdoc />
    public void SetMode(string zoneId, ZoneMode mode) =>
        Update(zoneId, s => s with { Mode = mode });

    /// <inheritdoc />
    public void SetTarget(string zoneId, double target, TimeSpan? ttl)
    {
        if (!double.IsFinite(target) || target is < 0 or > 35)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A target must be within 0..35 °C.");
        }

        Update(zoneId, s => s with { Mode = ZoneMode.Heat, Override = new ZoneOverride(target, null, ExpiresAt(ttl)) });
    }

    /// <inheritdoc />
    public void SetPreset(string zoneId, HeatingPreset? preset, TimeSpan? ttl)
    {
        if (preset == HeatingPreset.Boost)
        {
            ttl ??= _defaultBoost;
        }

        Update(zoneId, s => s with { Override = preset is null ? null : new ZoneOverride(null, preset, ExpiresAt(ttl)) });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The container disposes a shared instance once per registration: only the first counts.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _changed.OnCompleted();
        _changed.Dispose();
        _profilesGate.Dispose();
    }

    private DateTimeOffset? ExpiresAt(TimeSpan? ttl)
    {
        if (ttl is { } span && span <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A time-to-live must be positive.");
        }

        return ttl is { } positive ? _time.GetUtcNow() + positive : null;
    }

    private void Update(string zoneId, Func<ZoneSettings, ZoneSettings> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneId);
        _zones.AddOrUpdate(zoneId, _ => change(ZoneSettings.Scheduled), (_, old) => change(old));
        _changed.OnNext(zoneId);
    }
}
