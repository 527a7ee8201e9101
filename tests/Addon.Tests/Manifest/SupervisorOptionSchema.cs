using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary>
/// The Supervisor's check of an add-on's options against its schema, written from home-assistant/supervisor
/// <c>supervisor/apps/options.py</c> (<c>RE_SCHEMA_ELEMENT</c>, <c>AppOptions</c>, <c>_single_validate</c>,
/// <c>_check_missing_options</c>) and developers.home-assistant <c>docs/apps/configuration.md</c>: element types
/// <c>bool</c>, <c>email</c>, <c>url</c>, <c>port</c>, <c>device[(subsystem=x)]</c>, <c>str|password|int|float[(min,max)]</c>
/// (either bound may be empty), <c>match(REGEX)</c>, <c>list(a|b)</c>, a trailing <c>?</c> for optional; a list holds
/// one element schema, a mapping nests (two levels at most), no list directly in a list. Every key of the schema
/// must be given unless its type ends in <c>?</c>; unknown option keys are dropped with a warning, not refused.
/// Values are plain: string, long, double, bool, null, <c>List&lt;object?&gt;</c>, <c>Dictionary&lt;string, object?&gt;</c>.
/// </summary>
internal sealed partial class SupervisorOptionSchema
{
    private const int MaxDepth = 2;
    private readonly IReadOnlyDictionary<string, object?> _schema;

    public SupervisorOptionSchema(IReadOnlyDictionary<string, object?> schema)
    {
        _schema = schema;
        var problems = new List<string>();
        CheckSchema(schema, "", 0, problems);
        SchemaProblems = problems;
    }

    /// <summary>What makes the schema itself invalid (an element no type matches, too deep, a list in a list).</summary>
    public IReadOnlyList<string> SchemaProblems { get; }

    /// <summary>Option keys the Supervisor would drop with a warning, from the last <see cref="Validate"/>.</summary>
    public List<string> Dropped { get; } = [];

    /// <summary>The reasons the Supervisor would refuse <paramref name="options"/>; empty when it accepts them.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, object?> options)
    {
        Dropped.Clear();
        var errors = new List<string>();
        ValidateMapping(_schema, options, "", errors);
        return errors;
    }

    [GeneratedRegex(@"^(?:|bool|email|url|port|device(?:\((?<filter>subsystem=[a-z]+)\))?|str(?:\((?<s_min>\d+)?,(?<s_max>\d+)?\))?|password(?:\((?<p_min>\d+)?,(?<p_max>\d+)?\))?|int(?:\((?<i_min>\d+)?,(?<i_max>\d+)?\))?|float(?:\((?<f_min>[\d\.]+)?,(?<f_max>[\d\.]+)?\))?|match\((?<match>.*)\)|list\((?<list>.+)\))\??$")]
    private static partial Regex ElementPattern();

    private static void CheckSchema(object? node, string path, int depth, List<string> problems)
    {
        switch (node)
        {
            case string element when !ElementPattern().IsMatch(element):
                problems.Add($"{path}: `{element}` is not a schema type");
                break;
            case List<object?> list:
                if (list.Count != 1)
                {
                    problems.Add($"{path}: a list schema holds exactly one element schema");
                }

                foreach (var item in list)
                {
                    if (item is List<object?>)
                    {
                        problems.Add($"{path}: a list directly inside a list");
                    }

                    CheckSchema(item, path + "[]", depth + 1, problems);
                }

                break;
            case Dictionary<string, object?> mapping:
                if (depth > MaxDepth)
                {
                    problems.Add($"{path}: nested deeper than {MaxDepth} levels");
                }

                foreach (var (key, value) in mapping)
                {
                    CheckSchema(value, path.Length == 0 ? key : $"{path}.{key}", depth + 1, problems);
                }

                break;
            case string:
                break;
            default:
                problems.Add($"{path}: a schema entry must be a type, a list or a mapping");
                break;
        }
    }

    private void ValidateMapping(IReadOnlyDictionary<string, object?> schema, IReadOnlyDictionary<string, object?> options, string path, List<string> errors)
    {
        foreach (var (key, value) in options)
        {
            var at = path.Length == 0 ? key : $"{path}.{key}";
            if (!schema.TryGetValue(key, out var element))
            {
                Dropped.Add(at);
                continue;
            }

            ValidateValue(element, value, at, errors);
        }

        // _check_missing_options: a key of the schema absent from the options is an error unless its type is optional.
        foreach (var (key, element) in schema)
        {
            if (!options.ContainsKey(key) && !IsOptional(element))
            {
                errors.Add($"Missing option '{key}' in {(path.Length == 0 ? "root" : path)}");
            }
        }
    }

    private void ValidateValue(object? element, object? value, string path, List<string> errors)
    {
        switch (element)
        {
            case string type:
                ValidateSingle(type, value, path, errors);
                break;
            case List<object?> list when value is List<object?> items:
                foreach (var item in items)
                {
                    ValidateValue(list[0], item, path + "[]", errors);
                }

                break;
            case List<object?>:
                errors.Add($"{path}: expected a list");
                break;
            case Dictionary<string, object?> nested when value is Dictionary<string, object?> given:
                ValidateMapping(nested, given, path, errors);
                break;
            case Dictionary<string, object?>:
                errors.Add($"{path}: expected a mapping");
                break;
        }
    }

    private static void ValidateSingle(string type, object? value, string path, List<string> errors)
    {
        if (value is null or List<object?> or Dictionary<string, object?>)
        {
            errors.Add($"{path}: {Describe(value)} is not a valid value for {type}");
            return;
        }

        var match = ElementPattern().Match(type);
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var ok = type.TrimEnd('?') switch
        {
            "bool" => value is bool || text.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "1" or "0" or "enable" or "disable",
            "email" => MailAddress.TryCreate(text, out var mail) && mail.Address == text,
            "url" => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0,
            "port" => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535,
            var t when t.StartsWith("device", StringComparison.Ordinal) => text.StartsWith("/dev/", StringComparison.Ordinal),
            var t when t.StartsWith("str", StringComparison.Ordinal) => InLength(text, match.Groups["s_min"], match.Groups["s_max"]),
            var t when t.StartsWith("password", StringComparison.Ordinal) => InLength(text, match.Groups["p_min"], match.Groups["p_max"]),
            var t when t.StartsWith("int", StringComparison.Ordinal) => value is not bool && value is not double
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && InRange(number, match.Groups["i_min"], match.Groups["i_max"]),
            var t when t.StartsWith("float", StringComparison.Ordinal) => value is not bool
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                && InRange(real, match.Groups["f_min"], match.Groups["f_max"]),
            var t when t.StartsWith("match(", StringComparison.Ordinal) => Regex.IsMatch(text, $"^(?:{match.Groups["match"].Value})$"),
            var t when t.StartsWith("list(", StringComparison.Ordinal) => match.Groups["list"].Value.Split('|').Contains(text, StringComparer.Ordinal),
            _ => false,
        };
        if (!ok)
        {
            errors.Add($"{path}: {Describe(value)} is not a valid value for {type}");
        }
    }

    private static bool IsOptional(object? element) => element switch
    {
        string type => type.EndsWith('?'),
        List<object?> { Count: > 0 } list => IsOptional(list[0]),
        _ => false,
    };

    private static bool InLength(string text, Group min, Group max) =>
        (!min.Success || text.Length >= int.Parse(min.Value, CultureInfo.InvariantCulture))
        && (!max.Success || text.Length <= int.Parse(max.Value, CultureInfo.InvariantCulture));

    private static bool InRange(double number, Group min, Group max) =>
        (!min.Success || number >= double.Parse(min.Value, CultureInfo.InvariantCulture))
        && (!max.Success || number <= double.Parse(max.Value, CultureInfo.InvariantCulture));

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        List<object?> => "a list",
        Dictionary<string, object?> => "a mapping",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
