using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>
/// Reads a register map from YAML, reporting every problem at its place in the file in the configuration layer's form
/// (<c>FILE:LINE:COLUMN: key: problem. fix</c>), so a user's map is fixed without reading code.
/// </summary>
public static class RegisterMapReader
{
    private static readonly string[] TopKeys = ["name", "description", "unit", "minimum_on_minutes", "minimum_off_minutes", "flow_setpoint", "dhw_setpoint", "modulation", "registers"];
    private static readonly string[] RegisterKeys = ["name", "table", "address", "type", "scale", "word_order", "unit", "access", "role", "values"];

    /// <summary>Parses <paramref name="text"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="RegisterMapException">The map has problems; all are listed.</exception>
    public static RegisterMap Parse(string path, string text)
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new RegisterMapException([$"{path}:{e.Start.Line}:{e.Start.Column}: YAML syntax error: {e.Message}. Check the indentation and the colon after each key."]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RegisterMapException([$"{path}:1:1: the map is not a mapping of keys to values. Start it with `name:` and `registers:`."]);
        }

        var context = new Context(path, errors);
        context.CheckKeys(root, "", TopKeys);
        var name = context.String(root, "name", "", required: true) ?? "";
        var registers = new List<RegisterDefinition>();
        if (Context.Node(root, "registers") is YamlSequenceNode list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                if (ReadRegister(context, list.Children[i], $"registers[{i}]") is { } register)
                {
                    registers.Add(register);
                }
            }
        }
        else
        {
            context.Error(root, "registers", "is missing or not a list", "Add `registers:` with one `- name: …` entry per value");
        }

        CheckUnique(context, list: root, registers);
        var map = new RegisterMap
        {
            Name = name,
            Description = context.String(root, "description", "", required: false) ?? "",
            DefaultUnit = (byte)context.Number(root, "unit", "", 1, 0, 255),
            MinimumOnTime = TimeSpan.FromMinutes(context.Number(root, "minimum_on_minutes", "", 0, 0, 1440)),
            MinimumOffTime = TimeSpan.FromMinutes(context.Number(root, "minimum_off_minutes", "", 0, 0, 1440)),
            FlowSetpointRange = context.Range(root, "flow_setpoint"),
            DhwSetpointRange = context.Range(root, "dhw_setpoint"),
            ModulationRange = context.Range(root, "modulation"),
            Registers = registers,
        };
        return errors.Count > 0 ? throw new RegisterMapException(errors) : map;
    }

    /// <summary>Reads the map at <paramref name="path"/>.</summary>
    public static RegisterMap Load(string path) => Parse(path, File.ReadAllText(path));

    private static RegisterDefinition? ReadRegister(Context context, YamlNode node, string key)
    {
        if (node is not YamlMappingNode entry)
        {
            context.ErrorAt(node, key, "is not a mapping", "Write `- name: …` followed by `table:`, `address:` and `type:` on the lines below");
            return null;
        }

        context.CheckKeys(entry, key, RegisterKeys);
        var name = context.String(entry, "name", key, required: true);
        var table = context.Choice(entry, "table", key, new Dictionary<string, RegisterTable>
        {
            ["coil"] = RegisterTable.Coil, ["discrete_input"] = RegisterTable.DiscreteInput, ["holding"] = RegisterTable.Holding, ["input"] = RegisterTable.Input,
        }, required: true);
        var type = context.Choice(entry, "type", key, new Dictionary<string, RegisterType>
        {
            ["bool"] = RegisterType.Bit, ["int16"] = RegisterType.Signed16, ["uint16"] = RegisterType.Unsigned16,
            ["int32"] = RegisterType.Signed32, ["uint32"] = RegisterType.Unsigned32, ["float32"] = RegisterType.IeeeSingle,
        }, required: true);
        var order = context.Choice(entry, "word_order", key, new Dictionary<string, WordOrder>
        {
            ["high-first"] = WordOrder.HighFirst, ["abcd"] = WordOrder.HighFirst, ["big"] = WordOrder.HighFirst,
            ["low-first"] = WordOrder.LowFirst, ["cdab"] = WordOrder.LowFirst, ["little"] = WordOrder.LowFirst,
        }, required: false);
        var access = context.Choice(entry, "access", key, new Dictionary<string, bool> { ["read"] = false, ["read-write"] = true }, required: false);
        var role = context.Choice(entry, "role", key, Enum.GetValues<RegisterRole>().ToDictionary(r => Snake(r.ToString()), r => r), required: false);
        var address = context.Number(entry, "address", key, double.NaN, 0, 65535);
        if (double.IsNaN(address) && Context.Node(entry, "address") is null)
        {
            context.Error(entry, $"{key}.address", "is missing", "Give the 0-based PDU address (a manual's 30001 or 40001 is address 0)");
        }

        var bits = table is RegisterTable.Coil or RegisterTable.DiscreteInput;
        if (table is not null && type is not null && bits != (type == RegisterType.Bit))
        {
            context.Error(entry, $"{key}.type", $"`{Snake(type.Value.ToString())}` does not fit the {table} table", bits ? "Coils and discrete inputs are `bool`" : "Registers are int16, uint16, int32, uint32 or float32");
        }

        if (access == true && table is RegisterTable.Input or RegisterTable.DiscreteInput)
        {
            context.Error(entry, $"{key}.access", $"the {table} table is read-only", "Use `access: read`, or the holding/coil table for a writable value");
        }

        if (name is null || table is null || type is null || double.IsNaN(address))
        {
            return null;
        }

        return new RegisterDefinition
        {
            Name = name,
            Table = table.Value,
            Address = (ushort)address,
            Type = type.Value,
            Scale = context.Number(entry, "scale", key, 1, -1e9, 1e9),
            WordOrder = order ?? WordOrder.HighFirst,
            Unit = context.String(entry, "unit", key, required: false),
            Writable = access ?? false,
            Role = role,
            Values = context.Names(entry, "values", key),
        };
    }

    private static void CheckUnique(Context context, YamlMappingNode list, List<RegisterDefinition> registers)
    {
        foreach (var twice in registers.GroupBy(r => r.Name).Where(g => g.Count() > 1))
        {
            context.Error(list, "registers", $"the name `{twice.Key}` is used {twice.Count()} times", "Give every register its own name");
        }

        foreach (var twice in registers.Where(r => r.Role is not null).GroupBy(r => r.Role).Where(g => g.Count() > 1))
        {
            context.Error(list, "registers", $"the role `{Snake(twice.Key.ToString()!)}` is given to {string.Join(" and ", twice.Select(r => r.Name))}", "Give each role to one register");
        }
    }

    internal static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private sealed class Context(string path, List<string> errors)
    {
        public void Error(YamlNode near, string key, string problem, string fix) => ErrorAt(near, key, problem, fix);

        public void ErrorAt(YamlNode node, string key, string problem, string fix) =>
            errors.Add($"{path}:{node.Start.Line}:{node.Start.Column}: {(key.Length > 0 ? key + ": " : "")}{problem}. {fix}.");

        public static YamlNode? Node(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public void CheckKeys(YamlMappingNode mapping, string at, string[] known)
        {
            foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
            {
                if (!known.Contains(key.Value))
                {
                    ErrorAt(key, Join(at, key.Value ?? ""), "is not a key of a register map", $"Use one of: {string.Join(", ", known)}");
                }
            }
        }

        public string? String(YamlMappingNode mapping, string key, string at, bool required)
        {
            if (Node(mapping, key) is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return value;
            }

            if (required)
            {
                ErrorAt(Node(mapping, key) ?? mapping, Join(at, key), "is missing or empty", $"Give the {key}");
            }

            return null;
        }

        public double Number(YamlMappingNode mapping, string key, string at, double fallback, double minimum, double maximum)
        {
            if (Node(mapping, key) is not { } node)
            {
                return fallback;
            }

            if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value >= minimum && value <= maximum)
            {
                return value;
            }

            ErrorAt(node, Join(at, key), $"`{(node as YamlScalarNode)?.Value}` is not a number from {minimum} to {maximum}", "Write a plain number");
            return double.IsNaN(fallback) ? double.NaN : fallback;
        }

        public T? Choice<T>(YamlMappingNode mapping, string key, string at, Dictionary<string, T> choices, bool required)
            where T : struct
        {
            if (Node(mapping, key) is not { } node)
            {
                if (required)
                {
                    ErrorAt(mapping, Join(at, key), "is missing", $"Use one of: {string.Join(", ", choices.Keys)}");
                }

                return null;
            }

            if (node is YamlScalarNode { Value: { } text } && choices.TryGetValue(text.ToLowerInvariant(), out var value))
            {
                return value;
            }

            ErrorAt(node, Join(at, key), $"`{(node as YamlScalarNode)?.Value}` is not known", $"Use one of: {string.Join(", ", choices.Keys)}");
            return null;
        }

        public (double Minimum, double Maximum)? Range(YamlMappingNode mapping, string key)
        {
            if (Node(mapping, key) is not { } node)
            {
                return null;
            }

            if (node is YamlMappingNode range)
            {
                var minimum = Number(range, "min", key, double.NaN, -1e6, 1e6);
                var maximum = Number(range, "max", key, double.NaN, -1e6, 1e6);
                if (minimum < maximum)
                {
                    return (minimum, maximum);
                }
            }

            ErrorAt(node, key, "is not a range with `min:` below `max:`", $"Write `{key}: {{min: 20, max: 55}}`");
            return null;
        }

        public Dictionary<int, string> Names(YamlMappingNode mapping, string key, string at)
        {
            var names = new Dictionary<int, string>();
            if (Node(mapping, key) is not { } node)
            {
                return names;
            }

            if (node is not YamlMappingNode pairs)
            {
                ErrorAt(node, Join(at, key), "is not a mapping of raw values to names", "Write `values: {0: off, 1: idle, 2: running, 3: fault}`");
                return names;
            }

            foreach (var (raw, name) in pairs.Children)
            {
                if (raw is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    && name is YamlScalarNode { Value: { Length: > 0 } label })
                {
                    names[number] = label;
                }
                else
                {
                    ErrorAt(raw, Join(at, key), $"`{(raw as YamlScalarNode)?.Value}` is not a whole number with a name", "Write `2: running`");
                }
            }

            return names;
        }

        private static string Join(string at, string key) => at.Length == 0 ? key : $"{at}.{key}";
    }
}
