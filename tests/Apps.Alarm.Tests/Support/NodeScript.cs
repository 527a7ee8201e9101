using System.Text.Json;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>Runs a script under tests/Apps.Alarm.Tests/node with MQTT.js (<see cref="MqttJsScript"/>) and returns the JSON it prints.</summary>
internal static class NodeScript
{
    public static Task<JsonElement> RunAsync(string script, params string[] arguments) =>
        MqttJsScript.RunAsync("Apps.Alarm.Tests", script, TestTimeouts.Safety + TestTimeouts.Safety, arguments);
}
