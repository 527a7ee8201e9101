using ProofOfHeat.Host.Configuration.Tree;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Reads YAML (and JSON, which YAML's flow style parses) into a <see cref="ConfigMapping"/>
/// through YamlDotNet's representation model, keeping each node's line and column, and resolving
/// Home Assistant's <c>!secret name</c> tags.
/// </summary>
internal static class YamlConfigReader
{
    private const string SecretTag = "!secret";

    /// <summary>
    /// Parses <paramref name="text"/> read from <paramref name="path"/>. Problems are added to
    /// <paramref name="errors"/>; the result is null when the document cannot be used at all.
    /// </summary>
    public static ConfigMapping? Read(string path, string text, SecretsFile? secrets, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (YamlSizeGuard.Check(path, text) is { } tooLarge)
        {
            errors.Add(tooLarge);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new ConfigError(At(path, ex.Start), string.Empty, $"YAML syntax error: {Describe(ex)}",
                "Check the indentation, the colon after each key and the quotes around values on this line"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 16 throws these, not YamlException, on some broken documents (a scalar cut off, a key-less
            // entry at the end; found by ConfigFuzzTests). YamlSizeGuard reports the scanner's with a line first.
            errors.Add(new ConfigError(new ConfigLocation(path, 1, 1), string.Empty, "YAML syntax error the parser could not place",
                "Check the indentation, the colon after each key and the brackets and quotes"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return ConfigMapping.Empty(new ConfigLocation(path, 1, 1));
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return ConfigMapping.Empty(new ConfigLocation(path, 1, 1));
        }

        if (Convert(path, root, string.Empty, secrets, errors, depth: 0) is ConfigMapping mapping)
        {
            return mapping;
        }

        errors.Add(new ConfigError(At(path, root.Start), string.Empty, "the document is not a mapping of keys to values",
            "Start the file with top-level keys such as `http:` or `homeassistant:`"));
        return null;
    }

    private static ConfigNode Convert(string path, YamlNode node, string keyPath, SecretsFile? secrets, List<ConfigError> errors, int depth)
    {
        var location = At(path, node.Start);
        if (depth > YamlSizeGuard.MaxDepth)
        {
            // The size guard refuses deep documents; this also stops an alias that (through a loader quirk) refers to itself.
            errors.Add(new ConfigError(location, keyPath, $"the document nests more than {YamlSizeGuard.MaxDepth} levels deep",
                "Flatten it, and do not let an alias (*name) refer to the anchor it is inside"));
            return new ConfigBroken(location);
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var entries = new List<ConfigEntry>(mapping.Children.Count);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                    var childPath = keyPath.Length == 0 ? key : $"{keyPath}.{key}";
                    entries.Add(new ConfigEntry(key, At(path, keyNode.Start), Convert(path, valueNode, childPath, secrets, errors, depth + 1)));
                }

                return new ConfigMapping(entries, location);
            case YamlSequenceNode sequence:
                return new ConfigSequence(
                    sequence.Children.Select((item, i) => Convert(path, item, $"{keyPath}[{i}]", secrets, errors, depth + 1)).ToList(), location);
            case YamlScalarNode scalar when !scalar.Tag.IsEmpty && scalar.Tag.Value == SecretTag:
                return ResolveSecret(path, scalar, keyPath, location, secrets, errors);
            case YamlScalarNode scalar:
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
                return new ConfigScalar(isNull ? null : scalar.Value, IsSecret: false, location);
            default:
                return new ConfigScalar(null, IsSecret: false, location);
        }
    }

    private static ConfigNode ResolveSecret(
        string path, YamlScalarNode scalar, string keyPath, ConfigLocation location, SecretsFile? secrets, List<ConfigError> errors)
    {
        if (string.IsNullOrEmpty(scalar.Value))
        {
            errors.Add(new ConfigError(location, keyPath, "`!secret` has no secret name", "Write `!secret name_in_secrets_yaml`"));
            return new ConfigBroken(location);
        }

        if (secrets is null)
        {
            errors.Add(new ConfigError(location, keyPath, $"`!secret {scalar.Value}` cannot be used in {path}",
                "Write the value itself here; secrets can only be used in the config file"));
            return new ConfigBroken(location);
        }

        var value = secrets.Resolve(scalar.Value, keyPath, location, errors);
        return value is null ? new ConfigBroken(location) : new ConfigScalar(value, IsSecret: true, location);
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its own "(Line: x, Col: y, ...)" position; ours is already in front.
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
        return message.TrimEnd('.', ' ');
    }

    private static ConfigLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
