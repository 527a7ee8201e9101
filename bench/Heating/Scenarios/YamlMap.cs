using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>Typed, line-aware access to a YAML mapping, so every error names file and line.</summary>
internal sealed class YamlMap(string file, YamlMappingNode node)
{
    public string File { get; } = file;

    public long Line => node.Start.Line;

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public ScenarioFormatException Error(YamlNode? at, string message) => new(File, at?.Start.Line ?? Line, message);

    public void RejectUnknown(params string[] known)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key '{name}'; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    public string String(string key, string? fallback = null)
    {
        var value = Node(key);
        if (value is null)
        {
            return fallback ?? throw Error(null, $"missing required key '{key}'");
        }

        return value is YamlScalarNode { Value: { } text } ? text : throw Error(value, $"'{key}' must be a plain value");
    }

    public double Number(string key, double? fallback = null, double min = double.MinValue, double max = double.MaxValue)
    {
        var value = Node(key);
        if (value is null)
        {
            return fallback ?? throw Error(null, $"missing required key '{key}' (a number)");
        }

        if (value is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw Error(value, $"'{key}' must be a number (use a dot as decimal separator)");
        }

        if (number < min || number > max)
        {
            throw Error(value, $"'{key}' = {text} is out of range; allowed {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        }

        return number;
    }

    public DateTimeOffset Time(string key)
    {
        var value = Node(key) ?? throw Error(null, $"missing required key '{key}' (an ISO-8601 time such as 2027-01-04T00:00:00Z)");
        if (value is not YamlScalarNode { Value: { } text } || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw Error(value, $"'{key}' must be an ISO-8601 time such as 2027-01-04T00:00:00Z");
        }

        return time.ToUniversalTime();
    }

    public YamlMap? Map(string key)
    {
        var value = Node(key);
        return value switch
        {
            null => null,
            YamlMappingNode map => new YamlMap(File, map),
            _ => throw Error(value, $"'{key}' must be a mapping (key: value lines)"),
        };
    }

    public IReadOnlyList<YamlMap> List(string key)
    {
        var value = Node(key);
        return value switch
        {
            null => [],
            YamlSequenceNode list => [.. list.Children.Select(item => item is YamlMappingNode map
                ? new YamlMap(File, map)
                : throw Error(item, $"each item of '{key}' must be a mapping"))],
            _ => throw Error(value, $"'{key}' must be a list (lines starting with '- ')"),
        };
    }

    public (double A, double B) Pair(string key, (double, double) fallback)
    {
        var value = Node(key);
        if (value is null)
        {
            return fallback;
        }

        if (value is YamlSequenceNode { Children.Count: 2 } list
            && list.Children.All(c => c is YamlScalarNode { Value: { } t } && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var a = double.Parse(((YamlScalarNode)list.Children[0]).Value!, CultureInfo.InvariantCulture);
            var b = double.Parse(((YamlScalarNode)list.Children[1]).Value!, CultureInfo.InvariantCulture);
            return (a, b);
        }

        throw Error(value, $"'{key}' must be a pair of numbers such as [21, 24]");
    }
}
