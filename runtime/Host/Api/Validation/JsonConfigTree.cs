using System.Text.Json;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Api.Validation;

/// <summary>
/// Turns a JSON value into the configuration's tree, so a document sent to the API is bound and checked by the
/// same <see cref="Configuration.OptionsBinder"/> as the YAML config: the same key names, types, ranges and
/// messages. Scalars become their text, as YAML scalars are.
/// </summary>
internal static class JsonConfigTree
{
    /// <summary>The tree of <paramref name="value"/>; every node is located at <paramref name="source"/>.</summary>
    public static ConfigNode From(JsonElement value, string source)
    {
        var location = ConfigLocation.Named(source);
        return Convert(value, location);
    }

    private static ConfigNode Convert(JsonElement value, ConfigLocation location) => value.ValueKind switch
    {
        JsonValueKind.Object => new ConfigMapping(
            [.. value.EnumerateObject().Select(p => new ConfigEntry(p.Name, location, Convert(p.Value, location)))], location),
        JsonValueKind.Array => new ConfigSequence([.. value.EnumerateArray().Select(item => Convert(item, location))], location),
        JsonValueKind.String => new ConfigScalar(value.GetString(), false, location),
        JsonValueKind.Null => new ConfigScalar(null, false, location),
        _ => new ConfigScalar(value.GetRawText(), false, location),
    };
}
