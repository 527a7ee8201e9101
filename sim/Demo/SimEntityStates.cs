using System.Globalization;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Sim;

namespace ProofOfHeat.Demo;

/// <summary>
/// How the simulated home looks as Home Assistant entities: ids, state strings and attributes
/// shaped like the real integrations' (a Zigbee temperature sensor with <c>last_seen</c>, a
/// <c>number</c> power limit with min/max/step, a power sensor in W).
/// </summary>
internal static class SimEntityStates
{
    /// <summary>The living-room temperature sensor.</summary>
    public const string RoomTemperature = "sensor." + SimulatedHome.RoomSensorId;

    /// <summary>The outdoor temperature sensor.</summary>
    public const string OutdoorTemperature = "sensor." + SimulatedHome.OutdoorSensorId;

    /// <summary>The miner's power limit, set with <c>number.set_value</c>.</summary>
    public const string MinerPowerLimit = "number." + SimulatedHome.MinerId + "_power_limit";

    /// <summary>The miner's measured power.</summary>
    public const string MinerPower = "sensor." + SimulatedHome.MinerId + "_power";

    /// <summary>A temperature sensor's state; <paramref name="lastSeen"/> moves on every report, heartbeats included.</summary>
    public static EntityState Temperature(string entityId, string friendlyName, double value, DateTimeOffset lastSeen) =>
        EntityState.Create(entityId, value.ToString("F1", CultureInfo.InvariantCulture), lastSeen, new Dictionary<string, object>
        {
            ["unit_of_measurement"] = "°C",
            ["device_class"] = "temperature",
            ["state_class"] = "measurement",
            ["friendly_name"] = friendlyName,
            ["last_seen"] = lastSeen.ToString("O", CultureInfo.InvariantCulture),
        });

    /// <summary>The power-limit number's state.</summary>
    public static EntityState PowerLimit(int watts, int maximum, int step, DateTimeOffset at) =>
        EntityState.Create(MinerPowerLimit, watts.ToString(CultureInfo.InvariantCulture), at, new Dictionary<string, object>
        {
            ["min"] = 0,
            ["max"] = maximum,
            ["step"] = step,
            ["mode"] = "box",
            ["unit_of_measurement"] = "W",
            ["friendly_name"] = "Demo miner power limit",
        });

    /// <summary>The power sensor's state (whole watts).</summary>
    public static EntityState Power(double watts, DateTimeOffset at) =>
        EntityState.Create(MinerPower, Math.Round(watts).ToString("F0", CultureInfo.InvariantCulture), at, new Dictionary<string, object>
        {
            ["unit_of_measurement"] = "W",
            ["device_class"] = "power",
            ["state_class"] = "measurement",
            ["friendly_name"] = "Demo miner power",
        });
}
