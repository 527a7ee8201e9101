using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Demo;

/// <summary>
/// The demo house as Home Assistant sees it through MQTT discovery (with <c>--mqtt</c>): its
/// temperatures, the heater's power, the heating app's switch and its last decision.
/// </summary>
internal static class DemoEntities
{
    /// <summary>The discovery device id.</summary>
    public const string DeviceId = "demo_house";

    /// <summary>Declares the device and its entities.</summary>
    public static void Declare(IMqttEntities entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var house = entities.Device(new MqttDeviceInfo(DeviceId, "Proof-of-Heat demo house")
        {
            Manufacturer = "Proof-of-Heat",
            Model = "simulated 2R2C house",
            SuggestedArea = "Living room",
        });
        house.Add(new MqttSensor("room_temperature")
        {
            Name = "Room temperature", DeviceClass = "temperature", StateClass = "measurement", Unit = "°C", SuggestedDisplayPrecision = 1,
        });
        house.Add(new MqttSensor("outdoor_temperature")
        {
            Name = "Outdoor temperature", DeviceClass = "temperature", StateClass = "measurement", Unit = "°C", SuggestedDisplayPrecision = 1,
        });
        house.Add(new MqttSensor("heater_power")
        {
            Name = "Heater power", DeviceClass = "power", StateClass = "measurement", Unit = "W",
        });
        house.Add(new MqttSensor("last_decision") { Name = "Last heating decision", Icon = "mdi:thermostat" });
        house.Add(new MqttSwitch("heating") { Name = "Heating" });
    }
}
