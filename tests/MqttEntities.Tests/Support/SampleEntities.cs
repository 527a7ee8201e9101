using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>One entity of every kind the brain publishes, configured as the apps will configure them.</summary>
internal static class SampleEntities
{
    public static readonly MqttDeviceInfo Zone = new("zone_living", "Living room") { Manufacturer = "Proof of Heat", SuggestedArea = "Living room" };
    public static readonly MqttDeviceInfo Miner = new("miner1", "Miner 1") { Manufacturer = "Bitmain", Model = "Antminer S19", SoftwareVersion = "2024.1", HasOwnAvailability = true };
    public static readonly MqttDeviceInfo Brain = new("brain", "Proof of Heat");

    public static void Declare(IMqttEntities entities)
    {
        var zone = entities.Device(Zone);
        zone.Add(new MqttClimate("climate")
        {
            Modes = ["off", "heat", "auto"],
            PresetModes = ["eco", "comfort", "boost"],
            MinTemperature = 5,
            MaxTemperature = 30,
            DefaultEntityId = "climate.poh_living",
        });
        zone.Add(new MqttSensor("heat_cost") { Name = "Heat cost", DeviceClass = "monetary", StateClass = "total", Unit = "EUR" });

        var miner = entities.Device(Miner);
        miner.Add(new MqttSwitch("power_switch") { Name = "Power", DeviceClass = "switch" });
        miner.Add(new MqttNumber("power_limit") { Name = "Power limit", Min = 100, Max = 3500, Step = 50, Unit = "W", DeviceClass = "power", Mode = "box" });
        miner.Add(new MqttSensor("power") { Name = "Power", DeviceClass = "power", StateClass = "measurement", Unit = "W" });
        miner.Add(new MqttSensor("energy") { Name = "Energy", DeviceClass = "energy", StateClass = "total_increasing", Unit = "kWh" });
        miner.Add(new MqttSensor("hashrate") { Name = "Hashrate", StateClass = "measurement", Unit = "TH/s", EntityCategory = "diagnostic" });
        miner.Add(new MqttSensor("temperature") { Name = "Chip temperature", DeviceClass = "temperature", StateClass = "measurement", Unit = "°C", SuggestedDisplayPrecision = 1 });
        miner.Add(new MqttBinarySensor("overheat") { Name = "Overheat", DeviceClass = "problem" });
        miner.Add(new MqttButton("restart") { Name = "Restart", DeviceClass = "restart", EntityCategory = "config" });

        entities.Device(Brain).Add(new MqttSelect("profile") { Name = "Profile", Options = ["eco", "comfort", "away"], Icon = "mdi:tune" });
    }
}
