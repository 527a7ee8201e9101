using System.Text;
using System.Text.Json;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// The rule under test, as small as a brain app would make it: on a Zigbee2MQTT leak sensor state with
/// <c>water_leak: true</c>, close the main valve. Runs in its own process (<c>rule HOST PORT</c>) so its resident
/// memory is measured alone, like Node-RED's.
/// </summary>
internal static class LeakValveRule
{
    public const string SensorTopic = "zigbee2mqtt/leak_kitchen";
    public const string ValveTopic = "zigbee2mqtt/valve_main/set";
    public const string ValveStateTopic = "zigbee2mqtt/valve_main";
    private static readonly ReadOnlyMemory<byte> CloseValve = Encoding.UTF8.GetBytes("""{"state":"OFF"}""");

    /// <summary>
    /// Connects, subscribes, prints "ready" with the runtime settings the process really got (its runtimeconfig and
    /// environment), and runs until stdin closes (the harness ends it that way).
    /// </summary>
    public static async Task<int> RunAsync(string host, int port)
    {
        var options = new MqttClientOptions { Host = host, Port = port, ClientId = "poh-leak-rule", KeepAlive = TimeSpan.FromSeconds(30) };
        await using var client = new MqttClient(options, TimeProvider.System);
        await client.ConnectAsync();
        await client.SubscribeAsync(SensorTopic, (message, cancellationToken) => OnSensorAsync(client, message, cancellationToken), MqttQualityOfService.AtMostOnce);
        Console.WriteLine($"ready: {RuntimeSettings()}");
        await Console.In.ReadToEndAsync();
        await client.DisconnectAsync();
        return 0;
    }

    private static async ValueTask OnSensorAsync(MqttClient client, MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (IsLeak(message.Payload.Span))
        {
            await client.PublishAsync(ValveTopic, CloseValve, MqttQualityOfService.AtLeastOnce, cancellationToken: cancellationToken);
        }
    }

    private static string RuntimeSettings()
    {
        static string Setting(string name) => AppContext.GetData(name)?.ToString() ?? "runtime default";
        var inline = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") ?? "unset";
        return $"UnfairSemaphoreSpinLimit {Setting("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit")}, " +
            $"TieredCompilation {Setting("System.Runtime.TieredCompilation")}, server GC {Setting("System.GC.Server")}, " +
            $"DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS {inline}";
    }

    /// <summary>Whether the state JSON says <c>"water_leak": true</c>; malformed JSON is no leak (and no crash).</summary>
    internal static bool IsLeak(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("water_leak"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.True;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
