namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>One validated command from HA's alarm panel: the action and, when the panel asks for one, the code typed.</summary>
/// <param name="Action">One of <see cref="MqttAlarmControlPanel.Actions"/> (<c>ARM_AWAY</c>, <c>DISARM</c> …).</param>
/// <param name="Code">The code typed in HA, or null when none was sent. The brain checks it (HA does not: <c>REMOTE_CODE</c>).</param>
public sealed record MqttAlarmCommand(string Action, string? Code)
{
    /// <summary>Leaves the code out, so that a command can be logged.</summary>
    public override string ToString() => Code is null ? Action : $"{Action} (with a code)";
}
