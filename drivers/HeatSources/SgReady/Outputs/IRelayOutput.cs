namespace ProofOfHeat.Drivers.HeatSources.SgReady.Outputs;

/// <summary>
/// One relay contact the driver closes and opens, with read-back. Implementations: <see cref="MqttRelayOutput"/>
/// (Tasmota/Shelly-style topics). An HA switch (switch.turn_on/turn_off and its state) or a Modbus coil (function 5,
/// read back with function 1) fit the same two calls.
/// </summary>
public interface IRelayOutput : IAsyncDisposable
{
    /// <summary>The output's name for logs (e.g. its MQTT device topic).</summary>
    string Name { get; }

    /// <summary>Reads whether the contact is closed.</summary>
    /// <exception cref="HeatSourceUnreachableException">The output did not answer.</exception>
    Task<bool> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Closes or opens the contact and returns the state the output reports after the command.</summary>
    /// <exception cref="HeatSourceUnreachableException">The output did not answer.</exception>
    /// <exception cref="HeatSourceRefusedException">The output refused the command.</exception>
    Task<bool> SetAsync(bool closed, TimeSpan timeout, CancellationToken cancellationToken);
}
