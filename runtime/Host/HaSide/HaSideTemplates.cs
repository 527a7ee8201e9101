using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scriban;
using Scriban.Runtime;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// Renders the Scriban templates shipped inside the brain (dashboards/lovelace/*.scriban and
/// ha-config/*.scriban, embedded by the host's project) over a <see cref="HaSideModel"/>.
/// Templates see the model in snake_case and <c>q</c>, which writes any value as a YAML double-quoted scalar.
/// </summary>
internal static class HaSideTemplates
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders the embedded template <paramref name="name"/> (<c>heating.yaml.scriban</c>) over <paramref name="model"/> and <paramref name="extra"/> values.</summary>
    public static string Render(string name, HaSideModel model, IReadOnlyDictionary<string, object?> extra)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(extra);
        var template = Template.Parse(Load(name), name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"{name}: {string.Join("; ", template.Messages)}");
        }

        var globals = new ScriptObject();
        globals.Import(model);
        foreach (var (key, value) in extra)
        {
            globals[key] = value;
        }

        globals.Import("q", new Func<object?, string>(Quote));
        var context = new TemplateContext { LoopLimit = 10_000, RecursiveLimit = 20, StrictVariables = true };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>A value as a YAML double-quoted scalar (JSON's string syntax is a subset of it), Cyrillic kept readable.</summary>
    public static string Quote(object? value) =>
        JsonSerializer.Serialize(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, Json);

    private static string Load(string name)
    {
        using var stream = typeof(HaSideTemplates).Assembly.GetManifestResourceStream("HaSide." + name)
            ?? throw new InvalidOperationException($"The template {name} is not embedded in the brain.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
