using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>Collection type shapes and the per-app sections.</summary>
internal sealed partial class OptionsBinder
{
    private const string EnabledKey = "enabled";

    private object BindApps(ConfigNode node, string path)
    {
        var apps = new Dictionary<string, AppSection>(StringComparer.Ordinal);
        var mapping = node as ConfigMapping;
        if (mapping is null && node is not ConfigScalar { Value: null })
        {
            return Fail(node, path, $"expected a mapping of app ids to sections, got {Shape(node)}", "Put each app id on its own line below `apps:`");
        }

        foreach (var entry in mapping?.Entries ?? [])
        {
            var appPath = Join(path, entry.Key);
            if (!_schema.TryGet(entry.Key, out var optionsType))
            {
                var known = _schema.AppIds.Order(StringComparer.Ordinal).ToList();
                var suggestion = KeySuggester.Suggest(entry.Key, known);
                var problem = suggestion is null ? $"unknown app `{entry.Key}`" : $"unknown app `{entry.Key}`; did you mean `{suggestion}`?";
                var list = known.Count == 0 ? "no apps are installed" : $"the apps are: {string.Join(", ", known)}";
                _errors.Add(new ConfigError(entry.KeyLocation, appPath, problem, $"Remove it or fix its spelling; {list}"));
                continue;
            }

            if (BindApp(entry.Value, optionsType, appPath) is AppSection section)
            {
                apps[entry.Key] = section;
            }
        }

        // Only the apps named here: against a real home an app runs only when it has a section (an unnamed app's
        // defaults cannot know the home's entities), and the options provider gives defaults to the demo's apps.
        return apps;
    }

    private AppSection? BindApp(ConfigNode node, Type? optionsType, string path)
    {
        var section = new AppSection { Options = optionsType is null ? null : Activator.CreateInstance(optionsType) };
        if (node is ConfigScalar { Value: null })
        {
            return section;
        }

        if (node is not ConfigMapping mapping)
        {
            Fail(node, path, $"expected the app's section (a mapping), got {Shape(node)}", "Write `enabled: true` and the app's options below it");
            return null;
        }

        if (mapping.Find(EnabledKey) is { } enabled && BindValue(enabled.Value, typeof(bool), Join(path, EnabledKey), null, false) is bool on)
        {
            section.Enabled = on;
        }

        if (optionsType is null)
        {
            foreach (var entry in mapping.Entries.Where(e => e.Key != EnabledKey))
            {
                ReportUnknownKey(entry, Join(path, entry.Key), path, [EnabledKey]);
            }

            return section;
        }

        section.Options = BindObject(mapping, optionsType, path, section.Options, [EnabledKey]);
        return section;
    }

    private static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        var isDictionary = definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>);
        return isDictionary && arguments[0] == typeof(string) ? arguments[1] : null;
    }

    private static Type? ListItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var isList = definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>);
        return isList ? type.GetGenericArguments()[0] : null;
    }
}
