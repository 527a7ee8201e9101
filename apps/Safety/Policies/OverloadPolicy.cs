using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>
/// Overload shedding against the main fuse. Above the limit, loads are shed by priority (miners first, then resistive
/// heaters, then config order) until their watts cover the excess; loads held on by a safety rule, loads already off
/// and loads that refused a moment ago are skipped. A load shed less than <see cref="MeterLag"/> ago is counted as gone
/// although the meter may not show it yet, so one slow meter does not shed everything. Below the limit a shed load
/// comes back, the last shed first and one per restore interval, once it has been off its minimum time and the power
/// with it would stay below the limit minus the hysteresis. Pure: readings and time in, decisions out.
/// </summary>
public sealed class OverloadPolicy
{
    /// <summary>How long a shed load is taken as gone from the meter before the meter shows it.</summary>
    public static readonly TimeSpan MeterLag = TimeSpan.FromSeconds(10);

    /// <summary>How long a load that refused to shed is passed over.</summary>
    public static readonly TimeSpan RefusedFor = TimeSpan.FromMinutes(1);

    private readonly OverloadOptions _options;
    private readonly List<SheddableLoadOptions> _byPriority;
    private readonly List<(SheddableLoadOptions Load, DateTimeOffset At)> _shed = [];
    private readonly Dictionary<string, DateTimeOffset> _refusedUntil = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRestore = DateTimeOffset.MinValue;

    /// <summary>A policy for <paramref name="options"/>.</summary>
    public OverloadPolicy(OverloadOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _byPriority = [.. options.Loads.Select((load, index) => (load, index)).OrderBy(x => x.load.EffectivePriority).ThenBy(x => x.index).Select(x => x.load)];
    }

    /// <summary>The loads shed now, in the order they were shed.</summary>
    public IReadOnlyList<string> ShedLoads => [.. _shed.Select(s => s.Load.Id)];

    /// <summary>Decides on a meter reading of <paramref name="watts"/> at <paramref name="now"/>.</summary>
    /// <param name="watts">The main meter's power (W).</param>
    /// <param name="now">When it was read.</param>
    /// <param name="heldOn">Loads a safety rule holds on (never shed).</param>
    /// <param name="isDrawing">Whether a load draws power now (false: already off, nothing to shed); null when unknown.</param>
    public OverloadDecision Evaluate(double watts, DateTimeOffset now, IReadOnlySet<string> heldOn, Func<SheddableLoadOptions, bool?> isDrawing)
    {
        ArgumentNullException.ThrowIfNull(heldOn);
        ArgumentNullException.ThrowIfNull(isDrawing);
        var justShed = _shed.Where(s => now - s.At < MeterLag).Sum(s => s.Load.Watts);
        var excess = watts - justShed - _options.LimitWatts;
        if (excess > 0)
        {
            var shed = new List<SheddableLoadOptions>();
            foreach (var load in _byPriority)
            {
                if (excess <= 0)
                {
                    break;
                }

                if (IsShed(load) || heldOn.Contains(load.Id) || isDrawing(load) == false
                    || (_refusedUntil.TryGetValue(load.Id, out var until) && now < until))
                {
                    continue;
                }

                shed.Add(load);
                _shed.Add((load, now));
                excess -= load.Watts;
            }

            return new OverloadDecision(shed, [], true, Math.Max(0, excess));
        }

        if (_shed.Count == 0 || now - _lastRestore < _options.RestoreInterval)
        {
            return new OverloadDecision([], [], false, 0);
        }

        var (last, shedAt) = _shed[^1];
        if (now - shedAt >= _options.MinimumOff && now - shedAt >= MeterLag
            && watts + last.Watts <= _options.LimitWatts - _options.RestoreHysteresisWatts)
        {
            _shed.RemoveAt(_shed.Count - 1);
            _lastRestore = now;
            return new OverloadDecision([], [last], false, 0);
        }

        return new OverloadDecision([], [], false, 0);
    }

    /// <summary>A shed load did not go off (refused, deferred by its dwell guard, unreachable): it is passed over for a while.</summary>
    public void ShedFailed(string loadId, DateTimeOffset now)
    {
        _shed.RemoveAll(s => s.Load.Id == loadId);
        _refusedUntil[loadId] = now + RefusedFor;
    }

    /// <summary>A restored load did not come back on: it counts as shed again (retried at a later restore).</summary>
    public void RestoreFailed(SheddableLoadOptions load, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!IsShed(load))
        {
            _shed.Add((load, now));
        }
    }

    private bool IsShed(SheddableLoadOptions load) => _shed.Exists(s => s.Load.Id == load.Id);
}
