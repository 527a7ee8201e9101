using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>
/// A strict checker of YAML Lovelace dashboards in the sections layout, from the frontend's own types
/// (home-assistant/frontend src/data/lovelace/config/{view,section,card}.ts,
/// src/panels/lovelace/{cards,card-features}/types.ts, common/validate-condition.ts): every view is
/// <c>type: sections</c> with <c>sections</c> of <c>type: grid</c>, each card's type is known and carries only its
/// type's keys, features and visibility conditions are known, and the ids it names are collected.
/// </summary>
internal static class LovelaceSchema
{
    private static readonly HashSet<string> AnyCardKeys = ["type", "grid_options", "visibility"];

    private static readonly Dictionary<string, HashSet<string>> Cards = new(StringComparer.Ordinal)
    {
        ["heading"] = ["heading", "heading_style", "icon", "badges", "tap_action"],
        ["thermostat"] = ["entity", "name", "theme", "show_current_as_primary", "features"],
        ["tile"] = ["entity", "name", "icon", "color", "hide_state", "state_content", "vertical", "features", "features_position", "tap_action", "icon_tap_action"],
        ["entities"] = ["entities", "title", "state_color", "show_header_toggle"],
        ["history-graph"] = ["entities", "hours_to_show", "title", "min_y_axis", "max_y_axis", "fit_y_data", "logarithmic_scale", "split_device_classes"],
        ["statistics-graph"] = ["entities", "stat_types", "period", "chart_type", "days_to_show", "unit", "min_y_axis", "max_y_axis", "fit_y_data", "hide_legend", "energy_date_selection", "title", "logarithmic_scale"],
        ["gauge"] = ["entity", "attribute", "name", "unit", "min", "max", "needle", "severity", "segments"],
        ["alarm-panel"] = ["entity", "name", "states"],
        ["conditional"] = ["conditions", "card"],
        // FE cards/types.ts MarkdownCardConfig.
        ["markdown"] = ["content", "title", "text_only", "theme"],
        ["energy-date-selection"] = ["collection_key"],
        ["energy-distribution"] = ["collection_key", "title", "link_dashboard"],
        ["energy-usage-graph"] = ["collection_key", "title"],
        ["energy-sources-table"] = ["collection_key", "title"],
        ["energy-devices-graph"] = ["collection_key", "title"],
        ["energy-solar-graph"] = ["collection_key", "title"],
    };

    private static readonly Dictionary<string, HashSet<string>> Features = new(StringComparer.Ordinal)
    {
        ["climate-hvac-modes"] = ["style", "hvac_modes"],
        ["climate-preset-modes"] = ["style", "preset_modes"],
        ["climate-fan-modes"] = ["style", "fan_modes"],
        ["target-temperature"] = [],
        ["numeric-input"] = ["style"],
        ["select-options"] = ["options"],
        ["toggle"] = [],
        ["valve-open-close"] = [],
        ["valve-position"] = [],
        ["trend-graph"] = ["hours_to_show", "detail"],
        ["bar-gauge"] = ["min", "max"],
        ["button"] = ["action_name"],
        ["alarm-modes"] = ["modes"],
    };

    // Which features a card's entity domain can carry (the frontend hides a feature its entity does not support).
    private static readonly Dictionary<string, string[]> FeatureDomains = new(StringComparer.Ordinal)
    {
        ["climate-hvac-modes"] = ["climate"], ["climate-preset-modes"] = ["climate"], ["climate-fan-modes"] = ["climate"],
        ["target-temperature"] = ["climate", "water_heater"], ["numeric-input"] = ["number", "input_number"],
        ["select-options"] = ["select", "input_select"], ["toggle"] = ["switch", "input_boolean", "light", "fan", "siren"],
        ["valve-open-close"] = ["valve"], ["valve-position"] = ["valve"], ["alarm-modes"] = ["alarm_control_panel"],
    };

    private static readonly HashSet<string> ViewKeys =
        ["title", "path", "icon", "theme", "type", "badges", "sections", "visible", "subview", "back_path", "background", "max_columns", "dense_section_placement", "top_margin"];

    private static readonly HashSet<string> AlarmStates = ["arm_away", "arm_home", "arm_night", "arm_vacation", "arm_custom_bypass"];
    private static readonly HashSet<string> StatTypes = ["change", "state", "sum", "min", "max", "mean"];
    private static readonly HashSet<string> Periods = ["auto", "5minute", "hour", "day", "week", "month"];
    private static readonly HashSet<string> ChartTypes = ["line", "bar", "line-stack", "bar-stack"];

    /// <summary>The problems of <paramref name="yaml"/> (empty when valid) and every entity id it names.</summary>
    public static (IReadOnlyList<string> Problems, IReadOnlySet<string> EntityIds) Check(string yaml)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Single().RootNode is not YamlMappingNode root || Child(root, "views") is not YamlSequenceNode views || views.Children.Count == 0)
        {
            return (["the dashboard has no views"], ids);
        }

        foreach (var (view, v) in views.Children.Select((node, i) => (node, i)))
        {
            var at = $"views[{v}]";
            if (view is not YamlMappingNode viewMap)
            {
                problems.Add($"{at}: not a mapping");
                continue;
            }

            Keys(viewMap, ViewKeys, at, problems);
            if (Text(viewMap, "type") != "sections")
            {
                problems.Add($"{at}: type must be sections");
            }

            if (Child(viewMap, "sections") is not YamlSequenceNode sections || sections.Children.Count == 0)
            {
                problems.Add($"{at}: no sections");
                continue;
            }

            foreach (var (section, s) in sections.Children.Select((node, i) => (node, i)))
            {
                CheckSection(section, $"{at}.sections[{s}]", problems, ids);
            }
        }

        return (problems, ids);
    }

    private static void CheckSection(YamlNode section, string at, List<string> problems, HashSet<string> ids)
    {
        if (section is not YamlMappingNode map)
        {
            problems.Add($"{at}: not a mapping");
            return;
        }

        Keys(map, ["type", "cards", "column_span", "row_span", "visibility"], at, problems);
        if (Text(map, "type") != "grid")
        {
            problems.Add($"{at}: type must be grid");
        }

        if (Child(map, "cards") is not YamlSequenceNode cards || cards.Children.Count == 0)
        {
            problems.Add($"{at}: no cards");
            return;
        }

        foreach (var (card, c) in cards.Children.Select((node, i) => (node, i)))
        {
            CheckCard(card, $"{at}.cards[{c}]", problems, ids);
        }
    }

    private static void CheckCard(YamlNode node, string at, List<string> problems, HashSet<string> ids)
    {
        if (node is not YamlMappingNode card || Text(card, "type") is not { } type)
        {
            problems.Add($"{at}: a card needs a type");
            return;
        }

        if (!Cards.TryGetValue(type, out var keys))
        {
            problems.Add($"{at}: unknown card type `{type}`");
            return;
        }

        Keys(card, [.. keys, .. AnyCardKeys], $"{at} ({type})", problems);
        if (keys.Contains("entity") && type is not "heading")
        {
            if (Text(card, "entity") is { } entity && LooksLikeEntityId(entity))
            {
                ids.Add(entity);
            }
            else
            {
                problems.Add($"{at} ({type}): needs an entity id");
            }
        }

        if (Child(card, "entities") is { } entities)
        {
            CheckEntityList(entities, at, problems, ids);
        }
        else if (type is "entities" or "history-graph" or "statistics-graph")
        {
            problems.Add($"{at} ({type}): needs entities");
        }

        CheckValues(card, type, at, problems);
        if (Child(card, "features") is { } features)
        {
            CheckFeatures(features, Text(card, "entity"), at, problems);
        }

        if (Child(card, "visibility") is { } visibility)
        {
            CheckConditions(visibility, at, problems, ids);
        }

        if (Child(card, "grid_options") is YamlMappingNode grid)
        {
            Keys(grid, ["columns", "rows"], $"{at}.grid_options", problems);
            var columns = Text(grid, "columns");
            if (columns is not null && columns != "full" && !(int.TryParse(columns, out var n) && n is >= 1 and <= 12))
            {
                problems.Add($"{at}.grid_options.columns: `{columns}` is not 1–12 or full");
            }
        }
    }

    private static void CheckValues(YamlMappingNode card, string type, string at, List<string> problems)
    {
        if (type == "alarm-panel" && Child(card, "states") is YamlSequenceNode states)
        {
            foreach (var state in states.Children.OfType<YamlScalarNode>().Where(s => !AlarmStates.Contains(s.Value ?? string.Empty)))
            {
                problems.Add($"{at}: alarm state `{state.Value}` is not one of {string.Join(", ", AlarmStates)}");
            }
        }

        if (type == "statistics-graph")
        {
            foreach (var stat in (Child(card, "stat_types") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>() ?? [])
            {
                if (!StatTypes.Contains(stat.Value ?? string.Empty))
                {
                    problems.Add($"{at}: stat type `{stat.Value}`");
                }
            }

            if (Text(card, "period") is { } period && !Periods.Contains(period))
            {
                problems.Add($"{at}: period `{period}`");
            }

            if (Text(card, "chart_type") is { } chart && !ChartTypes.Contains(chart))
            {
                problems.Add($"{at}: chart_type `{chart}`");
            }
        }

        if (type == "heading" && Text(card, "heading") is null)
        {
            problems.Add($"{at}: a heading needs its text");
        }
    }

    private static void CheckEntityList(YamlNode entities, string at, List<string> problems, HashSet<string> ids)
    {
        if (entities is not YamlSequenceNode list || list.Children.Count == 0)
        {
            problems.Add($"{at}: entities must be a non-empty list");
            return;
        }

        foreach (var item in list.Children)
        {
            var id = item switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => Text(map, "entity"),
                _ => null,
            };
            if (item is YamlMappingNode row)
            {
                Keys(row, ["entity", "name", "icon", "color", "secondary_info"], $"{at}.entities", problems);
            }

            if (id is null || !LooksLikeEntityId(id))
            {
                problems.Add($"{at}: `{id}` is not an entity id");
            }
            else
            {
                ids.Add(id);
            }
        }
    }

    private static void CheckFeatures(YamlNode features, string? entity, string at, List<string> problems)
    {
        foreach (var feature in (features as YamlSequenceNode)?.Children ?? [])
        {
            if (feature is not YamlMappingNode map || Text(map, "type") is not { } type || !Features.TryGetValue(type, out var keys))
            {
                problems.Add($"{at}: unknown feature {feature}");
                continue;
            }

            Keys(map, [.. keys, "type"], $"{at} feature {type}", problems);
            var domain = entity?.Split('.')[0];
            if (FeatureDomains.TryGetValue(type, out var domains) && !domains.Contains(domain))
            {
                problems.Add($"{at}: feature {type} does not apply to {entity}");
            }
        }
    }

    private static void CheckConditions(YamlNode conditions, string at, List<string> problems, HashSet<string> ids)
    {
        foreach (var condition in (conditions as YamlSequenceNode)?.Children ?? [])
        {
            if (condition is not YamlMappingNode map)
            {
                problems.Add($"{at}: a condition must be a mapping");
                continue;
            }

            switch (Text(map, "condition"))
            {
                case "state":
                    Keys(map, ["condition", "entity", "state", "state_not", "attribute"], $"{at} condition", problems);
                    Collect(map, at, problems, ids);
                    break;
                case "numeric_state":
                    Keys(map, ["condition", "entity", "above", "below", "attribute"], $"{at} condition", problems);
                    Collect(map, at, problems, ids);
                    break;
                case "screen" or "user" or "time" or "location" or "view_columns":
                    break;
                case "and" or "or" or "not":
                    CheckConditions(Child(map, "conditions") ?? new YamlSequenceNode(), at, problems, ids);
                    break;
                default:
                    problems.Add($"{at}: unknown condition {Text(map, "condition")}");
                    break;
            }
        }
    }

    private static void Collect(YamlMappingNode condition, string at, List<string> problems, HashSet<string> ids)
    {
        if (Text(condition, "entity") is { } entity && LooksLikeEntityId(entity))
        {
            ids.Add(entity);
        }
        else
        {
            problems.Add($"{at}: a state condition needs an entity");
        }
    }

    private static void Keys(YamlMappingNode map, HashSet<string> allowed, string at, List<string> problems)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).Where(k => !allowed.Contains(k)))
        {
            problems.Add($"{at}: unknown key `{key}`");
        }
    }

    private static bool LooksLikeEntityId(string id) =>
        id.Split('.') is [var domain, var objectId] && domain.Length > 0 && objectId.Length > 0
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.');

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
