using System.Text.Json.Nodes;

namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>The cgminer-style envelope LuxOS writes: a data section, STATUS with LUXminer's Description, id 1.</summary>
internal sealed class LuxOsSimReplies(TimeProvider time, string version)
{
    /// <summary>A success (or info) reply carrying <paramref name="data"/> in <paramref name="section"/>.</summary>
    public string Ok(string section, JsonArray data, int code, string message) =>
        new JsonObject
        {
            [section] = data,
            ["STATUS"] = Status("S", code, message),
            ["id"] = 1,
        }.ToJsonString();

    /// <summary>An error reply (STATUS "E").</summary>
    public string Error(int code, string message) =>
        new JsonObject { ["STATUS"] = Status("E", code, message), ["id"] = 1 }.ToJsonString();

    /// <summary>One object as a one-element array.</summary>
    public static JsonArray One(JsonObject item) => [item];

    private JsonArray Status(string letter, int code, string message) =>
    [
        new JsonObject
        {
            ["Code"] = code,
            ["Description"] = "LUXminer " + version,
            ["Msg"] = message,
            ["STATUS"] = letter,
            ["When"] = time.GetUtcNow().ToUnixTimeSeconds(),
        },
    ];
}
