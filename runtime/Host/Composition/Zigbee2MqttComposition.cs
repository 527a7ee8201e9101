using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Configuration.Tree;
using ProofOfHeat.MqttEntities;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Makes the configured Zigbee2MQTT device properties entities of the app model, beside HA's (the
/// primary backend must be registered first): safety rules on them run without HA in the loop.
/// </summary>
internal static class Zigbee2MqttComposition
{
    /// <summary>Adds the devices of <paramref name="section"/>; a device the library refuses becomes a config error naming it.</summary>
    public static void Add(IServiceCollection services, Zigbee2MqttSection section, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            services.AddZigbee2MqttDevices(options =>
            {
                options.BaseTopic = section.BaseTopic;
                foreach (var device in section.Devices)
                {
                    options.Entities.Add(new Zigbee2MqttEntityOptions
                    {
                        FriendlyName = device.Name,
                        Property = device.Property,
                        EntityId = device.EntityId,
                        Domain = device.Domain,
                        StaleAfter = device.StaleAfter,
                        PayloadOn = device.PayloadOn,
                        PayloadOff = device.PayloadOff,
                        Unit = device.Unit,
                        DeviceClass = device.DeviceClass,
                    });
                }
            });
        }
        catch (ArgumentException ex)
        {
            var location = configFile is null ? ConfigLocation.Defaults : ConfigLocation.Named(configFile);
            throw new ConfigException(
            [
                new ConfigError(location, "mqtt.zigbee2mqtt.devices", ex.Message, "Fix that device's entry (name, property, entity_id or domain)"),
            ]);
        }
    }
}
