using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary>
/// YAML and JSON as the Supervisor sees them after loading (Python's YAML loader, then JSON): plain scalars resolved
/// by YAML 1.1's core types (<c>true</c>, <c>8099</c>, <c>1.5</c>, <c>null</c>), quoted ones kept as strings.
/// </summary>
internal static class PlainValues
{
    public static object? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => FromYaml(e.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(FromYaml).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Resolve(scalar.Value),
        YamlScalarNode scalar => scalar.Value,
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    public static Dictionary<string, object?> Mapping(YamlNode? node) =>
        node is null ? [] : (Dictionary<string, object?>)FromYaml(node)!;

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Options written as JSON, the way a test states what the Supervisor would receive from the UI.</summary>
    public static Dictionary<string, object?> Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (Dictionary<string, object?>)FromJson(document.RootElement)!;
    }

    private static object? Resolve(string? text) => text switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && text.Any(char.IsDigit) => real,
        _ => text,
    };
}
