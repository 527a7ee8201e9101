using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProofOfHeat.TestKit.Prometheus;

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4, written from its specification
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): lines end with <c>\n</c>;
/// <c># HELP name text</c> (escapes <c>\\</c> and <c>\n</c>) and <c># TYPE name type</c> at most once per metric and
/// TYPE before its samples; sample lines <c>name{label="value",…} value [timestamp]</c> with names matching
/// <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, label names <c>[a-zA-Z_][a-zA-Z0-9_]*</c> (not <c>__</c>-prefixed), label values
/// escaping only <c>\\</c>, <c>\"</c> and <c>\n</c>; values Go floats or <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>; a
/// metric's lines in one group; no series twice; histograms with cumulative <c>_bucket</c>s ending at
/// <c>le="+Inf"</c> equal to <c>_count</c>, and a <c>_sum</c>. Throws <see cref="FormatException"/> naming the line.
/// </summary>
public static partial class PrometheusTextParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyList<PrometheusFamily> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the last line does not end with \\n");
        }

        var families = new List<PrometheusFamily>();
        var byName = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        PrometheusFamily? current = null;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length - 1; n++)
        {
            var line = lines[n];
            try
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith('#'))
                {
                    current = Comment(line, families, byName, current);
                    continue;
                }

                var sample = Sample(line);
                var family = FamilyOf(sample.Name, byName);
                if (family is null)
                {
                    family = new PrometheusFamily(sample.Name);
                    byName.Add(sample.Name, family);
                    families.Add(family);
                }
                else if (!ReferenceEquals(family, current) && family.Samples.Count > 0)
                {
                    throw new FormatException($"the samples of {family.Name} are not in one group");
                }

                current = family;
                if (!series.Add(sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}"))
                {
                    throw new FormatException($"the series {sample.Name} appears twice");
                }

                family.Samples.Add(sample);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"line {n + 1} `{line}`: {ex.Message}", ex);
            }
        }

        foreach (var family in families.Where(f => f.Type == "histogram"))
        {
            CheckHistogram(family);
        }

        return families;
    }

    private static PrometheusFamily? Comment(string line, List<PrometheusFamily> families, Dictionary<string, PrometheusFamily> byName, PrometheusFamily? current)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return current; // Any other comment is allowed and ignored.
        }

        var name = parts[2];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"`{name}` is not a metric name");
        }

        if (!byName.TryGetValue(name, out var family))
        {
            family = new PrometheusFamily(name);
            byName.Add(name, family);
            families.Add(family);
        }
        else if (family.Samples.Count > 0 && parts[1] == "TYPE")
        {
            throw new FormatException($"TYPE of {name} after its samples");
        }

        if (parts[1] == "HELP")
        {
            family.Help = family.Help is null ? Unescape(parts.Length > 3 ? parts[3] : string.Empty, quotes: false) : throw new FormatException($"second HELP for {name}");
        }
        else
        {
            var type = parts.Length == 4 ? parts[3] : throw new FormatException("TYPE without a type");
            family.Type = family.Type is null && Types.Contains(type) ? type : throw new FormatException($"bad or second TYPE `{type}` for {name}");
        }

        return family;
    }

    private static PrometheusSample Sample(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is not ('{' or ' '))
        {
            i++;
        }

        var name = line[..i];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"`{name}` is not a metric name");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i = Labels(line, i + 1, labels);
        }

        if (i >= line.Length || line[i] != ' ')
        {
            throw new FormatException("no space before the value");
        }

        var rest = line[(i + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2)
        {
            throw new FormatException("expected a value and at most a timestamp");
        }

        var value = Value(rest[0]);
        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"`{rest[1]}` is not a timestamp in milliseconds");
        }

        return new PrometheusSample(name, labels, value);
    }

    private static int Labels(string line, int i, Dictionary<string, string> labels)
    {
        while (true)
        {
            if (i < line.Length && line[i] == '}')
            {
                return i + 1;
            }

            var equals = line.IndexOf('=', i);
            if (equals < 0)
            {
                throw new FormatException("a label without =");
            }

            var labelName = line[i..equals];
            if (!LabelName().IsMatch(labelName) || labelName.StartsWith("__", StringComparison.Ordinal))
            {
                throw new FormatException($"`{labelName}` is not a label name");
            }

            if (equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                throw new FormatException($"the value of {labelName} is not quoted");
            }

            var value = new StringBuilder();
            var j = equals + 2;
            for (; j < line.Length && line[j] != '"'; j++)
            {
                if (line[j] == '\\')
                {
                    j++;
                    value.Append(j < line.Length ? line[j] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        var other => throw new FormatException($"bad escape \\{other} in a label value"),
                    } : throw new FormatException("a label value ends in \\"));
                }
                else
                {
                    value.Append(line[j]);
                }
            }

            if (j >= line.Length)
            {
                throw new FormatException("an unterminated label value");
            }

            if (!labels.TryAdd(labelName, value.ToString()))
            {
                throw new FormatException($"label {labelName} twice");
            }

            i = j + 1;
            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
            else if (i >= line.Length || line[i] != '}')
            {
                throw new FormatException("labels not separated by commas");
            }
        }
    }

    private static double Value(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when GoFloat().IsMatch(text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"`{text}` is not a sample value"),
    };

    private static string Unescape(string text, bool quotes)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            result.Append(++i < text.Length ? text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when quotes => '"',
                var other => throw new FormatException($"bad escape \\{other} in HELP"),
            } : throw new FormatException("HELP ends in \\"));
        }

        return result.ToString();
    }

    private static PrometheusFamily? FamilyOf(string sampleName, Dictionary<string, PrometheusFamily> byName)
    {
        if (byName.TryGetValue(sampleName, out var family))
        {
            return family;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal)
                && byName.TryGetValue(sampleName[..^suffix.Length], out var parent) && parent.Type is "histogram" or "summary")
            {
                return parent;
            }
        }

        return null;
    }

    private static void CheckHistogram(PrometheusFamily family)
    {
        foreach (var group in family.Samples.GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal))))
        {
            var buckets = group.Where(s => s.Name == family.Name + "_bucket").ToList();
            var count = group.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"{family.Name} has no _count");
            _ = group.SingleOrDefault(s => s.Name == family.Name + "_sum") ?? throw new FormatException($"{family.Name} has no _sum");
            var bounds = buckets.Select(b => Value(b.Labels.GetValueOrDefault("le") ?? throw new FormatException("a bucket without le"))).ToList();
            if (bounds.Count == 0 || !double.IsPositiveInfinity(bounds[^1]) || buckets[^1].Value != count.Value)
            {
                throw new FormatException($"{family.Name} does not end with le=\"+Inf\" equal to its count");
            }

            for (var i = 1; i < buckets.Count; i++)
            {
                if (bounds[i] <= bounds[i - 1] || buckets[i].Value < buckets[i - 1].Value)
                {
                    throw new FormatException($"{family.Name}'s buckets are not increasing and cumulative");
                }
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    // Go's strconv.ParseFloat decimal and exponent forms (the values Prometheus clients write).
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex GoFloat();
}
