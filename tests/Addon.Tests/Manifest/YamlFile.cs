using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary>A YAML file of the add-on read with YamlDotNet into plain values: mappings, lists and strings (scalars keep their text and whether they were quoted).</summary>
internal static class YamlFile
{
    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode? Get(this YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlMappingNode mapping, string key) => (mapping.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<string> Keys(this YamlMappingNode mapping) => mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public static IReadOnlyList<string> Strings(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)] : [];
}
