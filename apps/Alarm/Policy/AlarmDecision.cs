namespace ProofOfHeat.Apps.Alarm.Policy;

/// <summary>The outcome of one input to the <see cref="AlarmPolicy"/>.</summary>
/// <param name="Accepted">Whether the input changed or confirmed the state (false: refused or ignored).</param>
/// <param name="Refusal">Why a command was refused (wrong code, an open sensor …), or null.</param>
/// <param name="Before">The state before.</param>
/// <param name="After">The state after.</param>
/// <param name="Effects">What to do besides showing <paramref name="After"/>.</param>
public sealed record AlarmDecision(bool Accepted, string? Refusal, AlarmStatus Before, AlarmStatus After, IReadOnlyList<AlarmEffect> Effects)
{
    /// <summary>Whether the state changed.</summary>
    public bool Changed => Before != After;

    /// <summary>A refused command; nothing changes.</summary>
    public static AlarmDecision Refuse(AlarmStatus status, string reason) => new(false, reason, status, status, []);

    /// <summary>An input that does not concern the state (a sensor of another mode, a tick before the deadline).</summary>
    public static AlarmDecision Ignore(AlarmStatus status) => new(false, null, status, status, []);
}
