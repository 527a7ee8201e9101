namespace ProofOfHeat.Host.Hosting;

/// <summary>The <c>demo</c> verb's settings, passed to the composition.</summary>
/// <param name="Speed">How many simulated seconds pass per wall second (1 = real time).</param>
/// <param name="For">How long (wall time) the demo runs before it stops by itself; null = until Ctrl-C.</param>
/// <param name="MqttUrl">An external broker to publish to (<c>--mqtt</c>), or null for none.</param>
internal sealed record DemoOptions(double Speed, TimeSpan? For, Uri? MqttUrl)
{
    /// <summary>Whether the house is heated by simulated miners of three firmware families through the fleet and its drivers (else by one plain simulated heater).</summary>
    public bool MinerFarm { get; init; } = true;

    /// <summary>The simulated home (sim/Demo provides it); the production brain carries none.</summary>
    public IDemoHome? Home { get; init; }
}
