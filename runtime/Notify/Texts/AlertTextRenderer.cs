using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Options;
using Scriban;
using Scriban.Runtime;

namespace ProofOfHeat.Notify.Texts;

/// <summary>
/// Renders an alert's title and message from Scriban templates: the config's text for the kind and language
/// (<c>templates: {"safety.leak.ru": …}</c>, then <c>"safety.leak"</c>), else the shipped default, else the
/// request's own plain text. The output is plain text; each channel escapes it for its parse mode.
/// </summary>
public sealed class AlertTextRenderer
{
    private readonly NotifyOptions _options;
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    /// <summary>Creates the renderer; templates are parsed on first use and cached.</summary>
    public AlertTextRenderer(NotifyOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The texts of <paramref name="alert"/> in <paramref name="language"/> (null: the section's language).</summary>
    public RenderedAlert Render(Alert alert, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var lang = (language ?? _options.Language).ToLowerInvariant();
        var request = alert.Request;
        if (Find(request.Kind, lang) is not { } template)
        {
            return new RenderedAlert(request.Title, request.Message);
        }

        var model = new ScriptObject();
        foreach (var (name, value) in request.Values ?? new Dictionary<string, object?>())
        {
            model[name] = value;
        }

        model["severity"] = request.Severity.ToString().ToLowerInvariant();
        model["source"] = request.Source;
        model["key"] = request.Key;
        model["default_title"] = request.Title;
        model["default_message"] = request.Message;
        return new RenderedAlert(
            RenderOne(template.Title, model) ?? request.Title,
            RenderOne(template.Message, model) ?? request.Message);
    }

    private AlertTemplateText? Find(string kind, string lang)
    {
        if (_options.Templates.TryGetValue(kind + "." + lang, out var configured) || _options.Templates.TryGetValue(kind, out configured))
        {
            return configured;
        }

        var defaults = lang == "ru" ? DefaultAlertTemplates.Russian : DefaultAlertTemplates.English;
        return defaults.GetValueOrDefault(kind);
    }

    private string? RenderOne(string text, ScriptObject model)
    {
        var template = _parsed.GetOrAdd(text, static t => Template.Parse(t));
        if (template.HasErrors)
        {
            return null;
        }

        // Config templates come from people: bound loops and recursion so a mistake cannot hang the sender.
        var context = new TemplateContext { LoopLimit = 100, RecursiveLimit = 20, StrictVariables = false };
        context.PushGlobal(model);
        try
        {
            return template.Render(context).Trim();
        }
        catch (Scriban.Syntax.ScriptRuntimeException)
        {
            return null;
        }
    }
}
