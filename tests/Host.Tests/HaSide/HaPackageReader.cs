using System.Text.RegularExpressions;
using ProofOfHeat.Host.HaSide;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>
/// Reads an HA package (home-assistant.io source/_docs/configuration/packages.markdown): the entities it defines, with the entity ids HA
/// gives them (helpers by key, <c>template:</c> and <c>sensor:</c> platform entities by their name's slug,
/// <c>utility_meter:</c> by key), and every entity id it refers to (<c>entity_id</c>, <c>entity</c>, <c>source</c>
/// and <c>states('…')</c>/<c>is_state('…')</c> in templates).
/// </summary>
internal static partial class HaPackageReader
{
    /// <summary>The defined and the referenced entity ids of <paramref name="yaml"/>.</summary>
    public static (IReadOnlySet<string> Defined, IReadOnlySet<string> Referenced) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var helper in new[] { "input_select", "input_boolean", "input_number", "input_text" })
        {
            foreach (var key in Keys(root, helper))
            {
                defined.Add($"{helper}.{key}");
            }
        }

        foreach (var key in Keys(root, "utility_meter"))
        {
            defined.Add($"sensor.{key}");
        }

        foreach (var block in (Child(root, "template") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            foreach (var (domain, entities) in block.Children)
            {
                foreach (var entity in (entities as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
                {
                    defined.Add($"{((YamlScalarNode)domain).Value}.{HaSlug.Slugify(Text(entity, "name"))}");
                }
            }
        }

        foreach (var platform in (Child(root, "sensor") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            defined.Add($"sensor.{HaSlug.Slugify(Text(platform, "name"))}");
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, null, referenced);
        return (defined, referenced);
    }

    private static void Walk(YamlNode node, string? key, HashSet<string> referenced)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    Walk(v, ((YamlScalarNode)k).Value, referenced);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    Walk(item, key, referenced);
                }

                break;
            case YamlScalarNode { Value: { } value }:
                if (key is "entity_id" or "entity" or "source")
                {
                    referenced.Add(value);
                }

                foreach (Match match in StatesCall().Matches(value))
                {
                    referenced.Add(match.Groups[1].Value);
                }

                break;
        }
    }

    private static IEnumerable<string> Keys(YamlMappingNode root, string section) =>
        (Child(root, section) as YamlMappingNode)?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!) ?? [];

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"(?:states|is_state|state_attr)\('([a-z_]+\.[a-z0-9_]+)'")]
    private static partial Regex StatesCall();
}
