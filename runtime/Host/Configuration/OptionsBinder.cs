using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Walks a <see cref="ConfigMapping"/> against CLR options types by reflection, building the
/// options and collecting every problem (unknown key, wrong type, missing required key, out of
/// range) with the location that caused it. It does not stop at the first error.
/// </summary>
internal sealed partial class OptionsBinder
{
    private static readonly object Failed = new();
    private readonly AppCatalog _schema;
    private readonly List<ConfigError> _errors;
    private readonly NullabilityInfoContext _nullability = new();
    private readonly HashSet<string> _secretValues = new(StringComparer.Ordinal);
    private readonly ConfigSources _sources = new();

    /// <summary>Creates a binder that knows the apps in <paramref name="schema"/> and adds problems to <paramref name="errors"/>.</summary>
    public OptionsBinder(AppCatalog schema, List<ConfigError> errors)
    {
        _schema = schema;
        _errors = errors;
    }

    /// <summary>Values bound to <see cref="SecretAttribute"/> properties or read through <c>!secret</c>, for log redaction.</summary>
    public IReadOnlyCollection<string> SecretValues => _secretValues;

    /// <summary>Where each bound options object was written, for checks that run after binding.</summary>
    public ConfigSources Sources => _sources;

    /// <summary>Binds <paramref name="root"/> onto a new <typeparamref name="T"/> that starts from its defaults.</summary>
    public T Bind<T>(ConfigMapping root)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(root);
        return (T)BindObject(root, typeof(T), string.Empty, new T(), []);
    }

    private object BindObject(ConfigMapping mapping, Type type, string path, object? existing, IReadOnlyCollection<string> extraKeys)
    {
        var instance = existing ?? Activator.CreateInstance(type)!;
        var errorsBefore = _errors.Count;
        _sources.Record(instance, mapping, path);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .ToDictionary(OptionsNaming.KeyOf, StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var childPath = Join(path, entry.Key);
            if (extraKeys.Contains(entry.Key))
            {
                continue;
            }

            if (!properties.TryGetValue(entry.Key, out var property))
            {
                ReportUnknownKey(entry, childPath, path, properties.Keys.Concat(extraKeys));
                continue;
            }

            var isSecret = property.IsDefined(typeof(SecretAttribute), inherit: true);
            var value = BindValue(entry.Value, property.PropertyType, childPath, property.GetValue(instance), IsNullable(property));
            if (value == Failed)
            {
                continue;
            }

            if (Validate(property, value, entry.Value, childPath))
            {
                property.SetValue(instance, value);
                if (isSecret && value is string { Length: > 0 } secret)
                {
                    _secretValues.Add(secret);
                }
            }
        }

        foreach (var (key, property) in properties)
        {
            if (property.IsDefined(typeof(RequiredMemberAttribute)) && mapping.Find(key) is null)
            {
                var section = path.Length == 0 ? "at the top level" : $"under `{path}:`";
                _errors.Add(new ConfigError(mapping.Location, Join(path, key), $"missing required key `{key}`",
                    $"Add `{key}: <{ScalarConverter.Describe(property.PropertyType)}>` {section}"));
            }
        }

        RunOwnValidation(instance, mapping, path, errorsBefore);

        return instance;
    }

    private object? BindValue(ConfigNode node, Type type, string path, object? existing, bool nullable)
    {
        if (node is ConfigBroken)
        {
            return Failed;
        }

        if (node is ConfigScalar { IsSecret: true, Value: { Length: > 0 } secretText })
        {
            _secretValues.Add(secretText);
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (node is ConfigScalar { Value: null } nullScalar)
        {
            if (nullable || underlying is not null)
            {
                return null;
            }

            if (!ScalarConverter.IsScalarType(type) && !IsCollection(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                // `storage:` with nothing under it means "the defaults", not "no storage".
                return existing ?? Activator.CreateInstance(type);
            }

            return Fail(nullScalar, path, $"expected {ScalarConverter.Describe(type)}, got nothing",
                nullScalar.IsSecret ? "Fix the secret it refers to" : "Write a value after the colon, or remove the key");
        }

        type = underlying ?? type;
        if (type == typeof(IReadOnlyDictionary<string, AppSection>))
        {
            return BindApps(node, path);
        }

        if (ScalarConverter.IsScalarType(type))
        {
            if (node is not ConfigScalar scalar)
            {
                return Fail(node, path, $"expected {ScalarConverter.Describe(type)}, got {Shape(node)}", "Write a single value on the key's line");
            }

            return ScalarConverter.TryConvert(scalar, type, out var value, out var problem, out var fix) ? value : Fail(node, path, problem, fix);
        }

        if (DictionaryValueType(type) is { } dictionaryValue)
        {
            return BindDictionary(node, dictionaryValue, path);
        }

        if (ListItemType(type) is { } itemType)
        {
            return BindList(node, type, itemType, path);
        }

        if (node is not ConfigMapping mapping)
        {
            return Fail(node, path, $"expected a mapping of keys to values, got {Shape(node)}", "Put its keys on the lines below it, indented");
        }

        return BindObject(mapping, type, path, existing, []);
    }

    private object BindDictionary(ConfigNode node, Type valueType, string path)
    {
        if (node is not ConfigMapping mapping)
        {
            return Fail(node, path, $"expected a mapping of keys to values, got {Shape(node)}", "Put its keys on the lines below it, indented");
        }

        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        foreach (var entry in mapping.Entries)
        {
            var value = BindValue(entry.Value, valueType, Join(path, entry.Key), null, nullable: false);
            if (value != Failed)
            {
                dictionary[entry.Key] = value;
            }
        }

        return dictionary;
    }

    private object BindList(ConfigNode node, Type listType, Type itemType, string path)
    {
        if (node is not ConfigSequence sequence)
        {
            return Fail(node, path, $"expected a list, got {Shape(node)}", "Write each item on its own line starting with `- `");
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var value = BindValue(sequence.Items[i], itemType, $"{path}[{i}]", null, nullable: false);
            if (value != Failed)
            {
                list.Add(value);
            }
        }

        if (!listType.IsArray)
        {
            return list;
        }

        var array = Array.CreateInstance(itemType, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    private bool Validate(PropertyInfo property, object? value, ConfigNode node, string path)
    {
        if (value is Uri uri && property.GetCustomAttribute<UriSchemesAttribute>() is { } schemes && !schemes.Allows(uri))
        {
            Fail(node, path, $"`{uri.Scheme}://` is not a scheme this URL can use", $"Write a URL starting with one of {schemes.Describe()}");
            return false;
        }

        var range = property.GetCustomAttribute<RangeAttribute>();
        if (range is null || value is null || range.IsValid(value))
        {
            return true;
        }

        Fail(node, path, $"{value} is out of range", $"Write a value from {range.Minimum} to {range.Maximum}");
        return false;
    }

    private object Fail(ConfigNode node, string path, string problem, string fix)
    {
        _errors.Add(new ConfigError(node.Location, path, problem, fix));
        return Failed;
    }

    private void ReportUnknownKey(ConfigEntry entry, string childPath, string parentPath, IEnumerable<string> known)
    {
        var knownKeys = known.Order(StringComparer.Ordinal).ToList();
        var suggestion = KeySuggester.Suggest(entry.Key, knownKeys);
        var problem = suggestion is null ? $"unknown key `{entry.Key}`" : $"unknown key `{entry.Key}`; did you mean `{suggestion}`?";
        var where = parentPath.Length == 0 ? "at the top level" : $"under `{parentPath}`";
        _errors.Add(new ConfigError(entry.KeyLocation, childPath, problem,
            $"Remove it or fix its spelling; the keys allowed {where} are: {string.Join(", ", knownKeys)}"));
    }

    private bool IsNullable(PropertyInfo property) =>
        !property.PropertyType.IsValueType && _nullability.Create(property).WriteState == NullabilityState.Nullable;

    private static bool IsCollection(Type type) => DictionaryValueType(type) is not null || ListItemType(type) is not null;

    private static string Shape(ConfigNode node) => node switch
    {
        ConfigMapping => "a mapping",
        ConfigSequence => "a list",
        ConfigScalar scalar => scalar.Display,
        _ => "something else",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
