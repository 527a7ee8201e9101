namespace ProofOfHeat.Apps.Heating.Entities;

/// <summary>
/// The heating's face in HA: one climate per zone and the profile select. <see cref="MqttHeatingEntities"/> is the
/// MQTT-discovery implementation; tests use a fake.
/// </summary>
public interface IHeatingEntities
{
    /// <summary>Commands from HA, already validated by the entities.</summary>
    IObservable<HeatingEntityCommand> Commands { get; }

    /// <summary>Shows a zone's state.</summary>
    void PublishZone(ZoneStatus status);

    /// <summary>Shows the profiles and which one is active.</summary>
    void PublishProfiles(string active, IReadOnlyList<string> names);
}
