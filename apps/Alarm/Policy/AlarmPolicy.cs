using System.Security.Cryptography;
using System.Text;
using ProofOfHeat.Apps.Alarm.Options;

namespace ProofOfHeat.Apps.Alarm.Policy;

/// <summary>
/// The intrusion alarm as a pure state machine on time and readings (no I/O, no clock of its own): arm → arming (exit
/// delay) → armed; a delayed sensor → pending (entry delay) → triggered; an instant sensor → triggered; triggered for
/// the trigger time, then armed again in the same mode; disarm from anywhere. The code is compared in constant time,
/// and too many wrong codes lock codes out for a while. Not thread-safe: the app serialises its inputs.
/// </summary>
public sealed class AlarmPolicy
{
    /// <summary>The refusal for a wrong code (what callers that rate-limit wrong codes look for).</summary>
    public const string WrongCode = "wrong code";

    private readonly AlarmOptions _options;
    private readonly IReadOnlyDictionary<AlarmMode, AlarmModeOptions> _modes;
    private int _wrongCodes;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>A disarmed alarm with <paramref name="options"/>.</summary>
    public AlarmPolicy(AlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _modes = options.Modes;
    }

    /// <summary>The current state.</summary>
    public AlarmStatus Status { get; private set; } = AlarmStatus.Off;

    /// <summary>The modes configured.</summary>
    public IReadOnlyCollection<AlarmMode> Modes => [.. _modes.Keys];

    /// <summary>Every sensor some mode watches.</summary>
    public IReadOnlySet<string> Sensors => _modes.Values.SelectMany(m => m.AllSensors).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Arms in <paramref name="mode"/>. Refused when the mode is not configured, the alarm is pending or triggered
    /// (disarm first: re-arming must not cancel an entry delay), the code is needed and wrong, or one of the mode's
    /// sensors is open now (<paramref name="isOpen"/>) — an open window would otherwise be a hole nobody sees.
    /// </summary>
    public AlarmDecision Arm(AlarmMode mode, string? code, Func<string, bool> isOpen, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(isOpen);
        if (!_modes.TryGetValue(mode, out var options))
        {
            return AlarmDecision.Refuse(Status, $"mode {mode.ToString().ToLowerInvariant()} is not configured");
        }

        if (Status.Phase is AlarmPhase.Pending or AlarmPhase.Triggered)
        {
            return AlarmDecision.Refuse(Status, $"the alarm is {Status.HaState}: disarm first");
        }

        if (_options.CodeArmRequired && CheckCode(code, now) is { } refusal)
        {
            return AlarmDecision.Refuse(Status, refusal);
        }

        var open = options.AllSensors.Where(isOpen).ToList();
        if (open.Count > 0)
        {
            return AlarmDecision.Refuse(Status, $"open: {string.Join(", ", open)}");
        }

        return Move(true, options.ExitDelay > TimeSpan.Zero
            ? new AlarmStatus(AlarmPhase.Arming, mode, now + options.ExitDelay, null)
            : new AlarmStatus(AlarmPhase.Armed, mode, null, null));
    }

    /// <summary>Disarms from any state; refused when the code is needed and wrong. Silences the sirens and resolves the
    /// alert when the alarm had triggered.</summary>
    public AlarmDecision Disarm(string? code, DateTimeOffset now)
    {
        if (_options.HasCode && _options.CodeDisarmRequired && CheckCode(code, now) is { } refusal)
        {
            return AlarmDecision.Refuse(Status, refusal);
        }

        return Status.Phase == AlarmPhase.Triggered
            ? Move(true, AlarmStatus.Off, AlarmEffect.SirenOff, AlarmEffect.ResolveIntrusionAlert)
            : Move(true, AlarmStatus.Off);
    }

    /// <summary>Triggers at once (the panel's TRIGGER, a panic button), armed or not.</summary>
    public AlarmDecision Trigger(string cause, DateTimeOffset now) =>
        Status.Phase == AlarmPhase.Triggered
            ? AlarmDecision.Ignore(Status)
            : Move(true, new AlarmStatus(AlarmPhase.Triggered, Status.Mode, now + _options.TriggerTime, cause), AlarmEffect.SirenOn, AlarmEffect.RaiseIntrusionAlert);

    /// <summary>A sensor opened or detected motion. Matters only while armed (or pending, for an instant sensor) and
    /// only for a sensor of the armed mode.</summary>
    public AlarmDecision SensorOpened(string entityId, DateTimeOffset now)
    {
        if (Status.Mode is not { } mode || Status.Phase is not (AlarmPhase.Armed or AlarmPhase.Pending))
        {
            return AlarmDecision.Ignore(Status);
        }

        var options = _modes[mode];
        var instant = options.InstantSensors.Contains(entityId, StringComparer.Ordinal);
        if (instant || (Status.Phase == AlarmPhase.Armed && options.Sensors.Contains(entityId, StringComparer.Ordinal) && options.EntryDelay == TimeSpan.Zero))
        {
            return Move(true, new AlarmStatus(AlarmPhase.Triggered, mode, now + _options.TriggerTime, entityId), AlarmEffect.SirenOn, AlarmEffect.RaiseIntrusionAlert);
        }

        return Status.Phase == AlarmPhase.Armed && options.Sensors.Contains(entityId, StringComparer.Ordinal)
            ? Move(true, new AlarmStatus(AlarmPhase.Pending, mode, now + options.EntryDelay, entityId))
            : AlarmDecision.Ignore(Status);
    }

    /// <summary>Time passed: ends the running delay when it is due (exit → armed, entry → triggered, trigger time →
    /// armed again with the sirens off; the alert stays open until someone acknowledges or disarms).</summary>
    public AlarmDecision Tick(DateTimeOffset now)
    {
        if (Status.Until is not { } until || now < until)
        {
            return AlarmDecision.Ignore(Status);
        }

        return Status.Phase switch
        {
            AlarmPhase.Arming => Move(true, new AlarmStatus(AlarmPhase.Armed, Status.Mode, null, null)),
            AlarmPhase.Pending => Move(true, Status with { Phase = AlarmPhase.Triggered, Until = now + _options.TriggerTime }, AlarmEffect.SirenOn, AlarmEffect.RaiseIntrusionAlert),
            AlarmPhase.Triggered when Status.Mode is null => Move(true, AlarmStatus.Off, AlarmEffect.SirenOff),
            AlarmPhase.Triggered => Move(true, new AlarmStatus(AlarmPhase.Armed, Status.Mode, null, null), AlarmEffect.SirenOff),
            _ => AlarmDecision.Ignore(Status),
        };
    }

    /// <summary>
    /// Takes up the state HA last showed after a restart (the brain keeps none of its own): an <c>armed_*</c> state
    /// comes back armed in its mode. <c>arming</c>, <c>pending</c> and <c>triggered</c> do not name their mode, so
    /// they are not taken up; nothing sounds again.
    /// </summary>
    public AlarmDecision Restore(string? haState)
    {
        if (Status.Phase != AlarmPhase.Disarmed || AlarmStatus.ModeOf(haState) is not { } mode || !_modes.ContainsKey(mode))
        {
            return AlarmDecision.Ignore(Status);
        }

        return Move(true, new AlarmStatus(AlarmPhase.Armed, mode, null, null));
    }

    private AlarmDecision Move(bool accepted, AlarmStatus next, params AlarmEffect[] effects)
    {
        var before = Status;
        Status = next;
        return new AlarmDecision(accepted, null, before, next, effects);
    }

    /// <summary>Null when <paramref name="code"/> is right; otherwise why not. Counts wrong codes towards the lockout.</summary>
    private string? CheckCode(string? code, DateTimeOffset now)
    {
        if (now < _lockedUntil)
        {
            return "too many wrong codes: codes are refused for a while";
        }

        // Constant time, so that the reply time does not tell how many leading digits were right.
        var right = code is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(code), Encoding.UTF8.GetBytes(_options.Code));
        if (right)
        {
            _wrongCodes = 0;
            return null;
        }

        if (++_wrongCodes >= _options.WrongCodeLimit)
        {
            _wrongCodes = 0;
            _lockedUntil = now + _options.Lockout;
        }

        return code is null ? "a code is needed" : WrongCode;
    }
}
