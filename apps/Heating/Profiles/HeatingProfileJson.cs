using System.Text.Json;

namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>The JSON form of a profile, for stores that keep documents (the host's runtime store, the API).</summary>
public static class HeatingProfileJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Writes <paramref name="profile"/> as snake_case JSON (the config's key names).</summary>
    public static string Serialize(HeatingProfile profile) => JsonSerializer.Serialize(profile, Options);

    /// <summary>Reads a profile written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a profile.</exception>
    public static HeatingProfile Deserialize(string json) =>
        JsonSerializer.Deserialize<HeatingProfile>(json, Options) ?? throw new JsonException("The profile JSON is null.");
}
