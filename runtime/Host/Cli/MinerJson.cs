using System.Text.Json;
using System.Text.Json.Nodes;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Detection;

namespace ProofOfHeat.Host.Cli;

/// <summary>The JSON the <c>miners</c> verbs print (snake_case keys, enums as lower-case text; no password).</summary>
internal static class MinerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The probe result.</summary>
    public static string Probe(MinerEndpoint endpoint, IMinerDriverFactory factory, MinerDetection? detection, MinerCapabilities capabilities, MinerReading reading)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(factory);
        var json = new JsonObject
        {
            ["host"] = endpoint.Host,
            ["family"] = factory.Family,
            ["firmware"] = factory.DisplayName,
            ["detected"] = detection is not null,
            ["detection_ms"] = detection is null ? null : Math.Round(detection.Elapsed.TotalMilliseconds, 1),
            ["scores"] = detection is null ? null : JsonSerializer.SerializeToNode(detection.Scores, Options),
            ["capabilities"] = JsonSerializer.SerializeToNode(capabilities, Options),
            ["reading"] = JsonSerializer.SerializeToNode(reading, Options),
        };
        return json.ToJsonString(Options);
    }

    /// <summary>The set result.</summary>
    public static string Set(MinerEndpoint endpoint, string family, MinerCommand command, MinerCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        var json = new JsonObject
        {
            ["host"] = endpoint.Host,
            ["family"] = family,
            ["command"] = command.ToString(),
            ["outcome"] = JsonSerializer.SerializeToNode(result.Outcome, Options),
            ["detail"] = result.Detail,
            ["expected"] = result.Expected,
            ["observed"] = result.Observed,
            ["confirmed_by"] = result.ConfirmedBy,
            ["reading"] = JsonSerializer.SerializeToNode(result.Reading, Options),
        };
        return json.ToJsonString(Options);
    }
}
