namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>Whether HA asks for a code before it sends a panel command, and which keypad it shows.</summary>
public enum MqttAlarmCodeFormat
{
    /// <summary>No code: HA sends the bare action.</summary>
    None,

    /// <summary>A numeric keypad (<c>code: REMOTE_CODE</c>).</summary>
    Number,

    /// <summary>A text field (<c>code: REMOTE_CODE_TEXT</c>).</summary>
    Text,
}
