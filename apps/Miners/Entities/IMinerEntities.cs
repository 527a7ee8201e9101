using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Entities;

/// <summary>
/// The miners' face in HA: per miner one device with an active switch, a power-limit number, a mode select (tiered
/// miners) and sensors. <see cref="MqttMinerEntities"/> is the MQTT-discovery implementation; tests use a fake.
/// </summary>
public interface IMinerEntities
{
    /// <summary>Commands from HA, already validated by the entities.</summary>
    IObservable<MinerEntityCommand> Commands { get; }

    /// <summary>Shapes a miner's controls to what it can do (the number's range, the select's tiers).</summary>
    void PublishCapabilities(string minerId, MinerCapabilities capabilities);

    /// <summary>Shows a miner's state; an unreachable miner's entities become unavailable.</summary>
    /// <param name="snapshot">What the fleet knows of it.</param>
    /// <param name="revenuePerHour">What it earns per hour in the configured currency, or null when unknown.</param>
    void Publish(MinerSnapshot snapshot, double? revenuePerHour);
}
