using System.Text.Json;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>Runs a script under tests/MqttEntities.Tests/node with MQTT.js (<see cref="MqttJsScript"/>) and returns the JSON it prints.</summary>
internal static class NodeScript
{
    public static Task<JsonElement> RunAsync(string script, params string[] arguments) =>
        MqttJsScript.RunAsync("MqttEntities.Tests", script, TestTimeouts.Safety + TestTimeouts.Safety, arguments);
}
