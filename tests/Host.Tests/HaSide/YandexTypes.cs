namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>
/// The Yandex device types yandex_smart_home gives each HA domain (dext0r/yandex_smart_home
/// custom_components/yandex_smart_home/device.py): a domain it does not map (number, select, alarm_control_panel …) has none.
/// </summary>
internal static class YandexTypes
{
    private static readonly Dictionary<string, string[]> ByDomain = new(StringComparer.Ordinal)
    {
        ["climate"] = ["thermostat", "thermostat.ac"],
        ["switch"] = ["switch", "socket"],
        ["input_boolean"] = ["switch"],
        ["valve"] = ["openable.valve", "openable"],
        ["cover"] = ["openable", "openable.curtain"],
        ["lock"] = ["openable"],
        ["light"] = ["light"],
        ["fan"] = ["ventilation.fan"],
        ["sensor"] = ["sensor", "sensor.climate", "smart_meter.electricity"],
        ["binary_sensor"] = ["sensor", "sensor.water_leak", "sensor.smoke", "sensor.open"],
    };

    /// <summary>The types an entity's domain may take; empty for an unsupported domain.</summary>
    public static IReadOnlyList<string> For(string entityId) => ByDomain.GetValueOrDefault(entityId.Split('.')[0]) ?? [];
}
