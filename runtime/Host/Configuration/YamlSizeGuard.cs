using System.Globalization;
using ProofOfHeat.Host.Configuration.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Bounds a config document before it is loaded: its size, its nesting and how many values it holds once every
/// alias is expanded. A YAML alias bomb (anchors that alias each other nine times over, the "billion laughs") is a few
/// hundred bytes that expand to billions of values, and deep nesting would overflow the stack of the recursive
/// loaders; both are refused here in one streaming pass that keeps nothing but a counter per anchor.
/// </summary>
internal static class YamlSizeGuard
{
    /// <summary>The largest config file read, in characters: far above any real config (a 100-miner fleet is ~20 KiB).</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>How deeply mappings and lists may nest; the deepest real key path is about six levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many values (keys, scalars, mappings, lists) the document may hold once its aliases are expanded.</summary>
    public const int MaxExpandedNodes = 100_000;

    /// <summary>Returns the error that makes <paramref name="text"/> unusable, or null when it is within every bound.</summary>
    public static ConfigError? Check(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCharacters)
        {
            return new ConfigError(new ConfigLocation(path, 1, 1), string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"the file is {text.Length:N0} characters long, above the limit of {MaxCharacters:N0}"),
                "A config this large is almost certainly not a config: check that the right file is named");
        }

        var parser = new Parser(new StringReader(text));
        var lastGood = Mark.Empty;
        try
        {
            return Scan(path, parser, ref lastGood);
        }
        catch (YamlException)
        {
            // Syntax errors are reported, with their position, by the loader that runs next.
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16's scanner throws this, not a YamlException, on some broken plain scalars (found by
            // ConfigFuzzTests); the loader would throw it too, so it is reported here, after the last value read.
            return new ConfigError(At(path, lastGood), string.Empty, "YAML syntax error just after this point",
                "Check the indentation, the colon after each key and the brackets and quotes on the next lines");
        }
    }

    private static ConfigError? Scan(string path, Parser parser, ref Mark lastGood)
    {
        var anchorSizes = new Dictionary<AnchorName, long>();
        var open = new Stack<(AnchorName Anchor, long StartCount)>();
        long count = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            lastGood = current.End;
            switch (current)
            {
                case Scalar scalar:
                    count++;
                    Remember(anchorSizes, scalar.Anchor, 1);
                    break;
                case AnchorAlias alias:
                    // An alias stands for a copy of its anchor's whole subtree.
                    count += anchorSizes.GetValueOrDefault(alias.Value, 1);
                    break;
                case NodeEvent start when current is MappingStart or SequenceStart:
                    open.Push((start.Anchor, count));
                    count++;
                    if (open.Count > MaxDepth)
                    {
                        return new ConfigError(At(path, current.Start), string.Empty,
                            $"the document nests more than {MaxDepth} levels deep", "Flatten it; no option nests this deeply");
                    }

                    break;
                case MappingEnd or SequenceEnd when open.Count > 0:
                    var (anchor, startCount) = open.Pop();
                    Remember(anchorSizes, anchor, count - startCount);
                    break;
            }

            if (count > MaxExpandedNodes)
            {
                return new ConfigError(At(path, current.Start), string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"the document holds more than {MaxExpandedNodes:N0} values once its aliases (*name) are expanded"),
                    "Remove the aliases that repeat other aliases, or the keys that do not belong in a config");
            }
        }

        return null;
    }

    private static void Remember(Dictionary<AnchorName, long> anchorSizes, AnchorName anchor, long size)
    {
        if (!anchor.IsEmpty)
        {
            anchorSizes[anchor] = size;
        }
    }

    private static ConfigLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
