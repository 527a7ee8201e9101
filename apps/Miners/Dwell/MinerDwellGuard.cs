using System.Globalization;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Dwell;

/// <summary>
/// Keeps one miner from flapping: it remembers when the miner was last switched on or off and when its power last
/// changed, and answers each request with allowed now, deferred until a time, or nothing to do. A deferred request is
/// kept and replaced by any newer one (the latest wish wins); <see cref="TakeDue"/> hands it out once allowed. Pure:
/// time comes in, decisions go out; the caller serialises calls and reports what it sent with <see cref="Applied"/>.
/// </summary>
public sealed class MinerDwellGuard
{
    /// <summary>Creates a guard that knows nothing of the miner's past (the first change is allowed at once).</summary>
    public MinerDwellGuard(MinerDwellTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        Times = times;
    }

    /// <summary>The dwell times (they change once the miner's capabilities are known).</summary>
    public MinerDwellTimes Times { get; set; }

    /// <summary>Whether the miner runs (true), sleeps (false) or is not known yet (null).</summary>
    public bool? IsOn { get; private set; }

    /// <summary>When the miner was last switched on or off, or null when unknown.</summary>
    public DateTimeOffset? LastSwitchAt { get; private set; }

    /// <summary>The power target or tier in effect, or null when unknown.</summary>
    public MinerCommand? Target { get; private set; }

    /// <summary>When the power target last changed, or null when unknown.</summary>
    public DateTimeOffset? LastPowerChangeAt { get; private set; }

    /// <summary>The deferred request waiting for its time, or null.</summary>
    public MinerCommand? Pending { get; private set; }

    /// <summary>Whether <see cref="Pending"/> is a safety request (see <see cref="Evaluate"/>).</summary>
    public bool PendingIsUrgent { get; private set; }

    /// <summary>
    /// What the guard says about <paramref name="command"/> at <paramref name="now"/>, without remembering anything.
    /// An <paramref name="urgent"/> sleep (overheating) ignores the minimum on-time; nothing else does.
    /// </summary>
    public MinerDwellDecision Evaluate(MinerCommand command, DateTimeOffset now, bool urgent = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Kind)
        {
            case MinerCommandKind.Sleep:
                if (IsOn == false)
                {
                    return MinerDwellDecision.Skip(command, "already asleep");
                }

                if (!urgent && IsOn == true && LastSwitchAt is { } on && now < on + Times.MinimumOn)
                {
                    return MinerDwellDecision.Defer(command, on + Times.MinimumOn, $"running only {Describe(now - on)} of the minimum {Describe(Times.MinimumOn)}");
                }

                return MinerDwellDecision.Allow(command, urgent ? "safety" : "dwell kept");
            case MinerCommandKind.Wake:
                if (IsOn == true)
                {
                    return MinerDwellDecision.Skip(command, "already running");
                }

                return WakeDue() is { } wakeAt && wakeAt > now
                    ? MinerDwellDecision.Defer(command, wakeAt, $"asleep only {Describe(now - LastSwitchAt!.Value)} of the minimum {Describe(Times.MinimumOff)}")
                    : MinerDwellDecision.Allow(command, "dwell kept");
            default:
                return EvaluatePower(command, now);
        }
    }

    /// <summary>Decides on a new request and keeps it when deferred; any older kept request is dropped either way.</summary>
    public MinerDwellDecision Request(MinerCommand command, DateTimeOffset now, bool urgent = false)
    {
        var decision = Evaluate(command, now, urgent);
        if (decision.Verdict == MinerDwellVerdict.Deferred)
        {
            Pending = command;
            PendingIsUrgent = urgent;
        }
        else
        {
            ClearPending();
        }

        return decision;
    }

    /// <summary>
    /// The kept request once it is allowed (or has become pointless) at <paramref name="now"/>; it is no longer kept.
    /// Null when nothing is kept or it is still too soon.
    /// </summary>
    public MinerDwellDecision? TakeDue(DateTimeOffset now)
    {
        if (Pending is not { } pending)
        {
            return null;
        }

        var decision = Evaluate(pending, now, PendingIsUrgent);
        if (decision.Verdict == MinerDwellVerdict.Deferred)
        {
            return null;
        }

        ClearPending();
        return decision;
    }

    /// <summary>Keeps <paramref name="command"/> for a later try (its delivery failed), unless a newer request is kept.</summary>
    public void Retry(MinerCommand command, bool urgent = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Pending is null)
        {
            Pending = command;
            PendingIsUrgent = urgent;
        }
    }

    /// <summary>Records that <paramref name="command"/> was sent at <paramref name="at"/> (counted even when unverified: the miner may have taken it).</summary>
    public void Applied(MinerCommand command, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Kind)
        {
            case MinerCommandKind.Sleep:
                Switch(false, at);
                break;
            case MinerCommandKind.Wake:
                Switch(true, at);
                break;
            default:
                Switch(true, at);
                if (!SameTarget(Target, command))
                {
                    Target = command;
                    LastPowerChangeAt = at;
                }

                break;
        }
    }

    /// <summary>
    /// Learns from a reading: a miner found in another state than believed was switched behind the fleet's back, which
    /// counts as a switch now (a miner seen for the first time is taken as it is, its uptime dating a recent start).
    /// The target is learnt only while unknown.
    /// </summary>
    /// <param name="status">The miner's status.</param>
    /// <param name="at">When it was read.</param>
    /// <param name="uptime">How long the mining software has run, when known.</param>
    /// <param name="target">The target the reading shows (a power limit or a tier), when known.</param>
    public void Observe(MinerStatus status, DateTimeOffset at, TimeSpan? uptime = null, MinerCommand? target = null)
    {
        bool? seen = status switch
        {
            MinerStatus.Mining or MinerStatus.Starting => true,
            MinerStatus.Sleeping => false,
            _ => null,
        };
        if (seen is { } running && IsOn != running)
        {
            LastSwitchAt = IsOn is null ? (running && uptime is { } up ? at - up : null) : at;
            IsOn = running;
        }

        if (Target is null && target is not null && target.Kind is MinerCommandKind.SetPower or MinerCommandKind.SetTier)
        {
            Target = target;
        }
    }

    private MinerDwellDecision EvaluatePower(MinerCommand command, DateTimeOffset now)
    {
        var changesPower = !SameTarget(Target, command);
        if (IsOn == true && !changesPower)
        {
            return MinerDwellDecision.Skip(command, "already in effect");
        }

        var due = now;
        var reason = "dwell kept";
        if (WakeDue() is { } wakeAt && wakeAt > due)
        {
            due = wakeAt;
            reason = $"asleep only {Describe(now - LastSwitchAt!.Value)} of the minimum {Describe(Times.MinimumOff)}";
        }

        if (changesPower && LastPowerChangeAt is { } changed && changed + Times.PowerChangeInterval > due)
        {
            due = changed + Times.PowerChangeInterval;
            reason = $"power changed {Describe(now - changed)} ago; the minimum interval is {Describe(Times.PowerChangeInterval)}";
        }

        return due > now ? MinerDwellDecision.Defer(command, due, reason) : MinerDwellDecision.Allow(command, reason);
    }

    private DateTimeOffset? WakeDue() =>
        IsOn == false && LastSwitchAt is { } off ? off + Times.MinimumOff : null;

    private void Switch(bool on, DateTimeOffset at)
    {
        if (IsOn != on)
        {
            IsOn = on;
            LastSwitchAt = at;
        }
    }

    private void ClearPending()
    {
        Pending = null;
        PendingIsUrgent = false;
    }

    private static bool SameTarget(MinerCommand? current, MinerCommand wanted) =>
        current is not null && current.Kind == wanted.Kind && current.Watts == wanted.Watts
        && string.Equals(current.Tier, wanted.Tier, StringComparison.OrdinalIgnoreCase);

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalMinutes):0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, Math.Floor(span.TotalSeconds)):0} s");
}
