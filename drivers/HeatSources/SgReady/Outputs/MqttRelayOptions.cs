namespace ProofOfHeat.Drivers.HeatSources.SgReady.Outputs;

/// <summary>
/// An MQTT relay's topics and payloads. The defaults are Tasmota's (tasmota.github.io/docs/MQTT: a command goes to
/// <c>cmnd/&lt;topic&gt;/POWER</c> with ON/OFF, an empty payload asks for the state; the state comes back on
/// <c>stat/&lt;topic&gt;/POWER</c>, and a failed command as <c>{"Command":"Error"}</c> on <c>stat/&lt;topic&gt;/RESULT</c>).
/// For a Shelly Gen1 relay use <c>shellies/&lt;id&gt;/relay/0/command</c>, state <c>shellies/&lt;id&gt;/relay/0</c>,
/// payloads on/off and no query payload.
/// </summary>
public sealed record MqttRelayOptions
{
    /// <summary>Where commands go.</summary>
    public required string CommandTopic { get; init; }

    /// <summary>Where the relay reports its state.</summary>
    public required string StateTopic { get; init; }

    /// <summary>Where the relay reports a command's result, or null when it has none.</summary>
    public string? ResultTopic { get; init; }

    /// <summary>The "close" payload (state payloads are compared without regard to case).</summary>
    public string PayloadOn { get; init; } = "ON";

    /// <summary>The "open" payload.</summary>
    public string PayloadOff { get; init; } = "OFF";

    /// <summary>The payload that makes the relay report its state, or null when it cannot be asked (then the last report counts).</summary>
    public string? QueryPayload { get; init; } = "";

    /// <summary>Tasmota topics for a device topic, e.g. <c>sgready1</c>.</summary>
    public static MqttRelayOptions Tasmota(string deviceTopic) => new()
    {
        CommandTopic = $"cmnd/{deviceTopic}/POWER",
        StateTopic = $"stat/{deviceTopic}/POWER",
        ResultTopic = $"stat/{deviceTopic}/RESULT",
    };
}
