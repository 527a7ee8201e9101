using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Home Assistant's <c>secrets.yaml</c> beside the config file: a flat mapping of names to values
/// that <c>!secret name</c> refers to. Read lazily, only when a tag needs it.
/// </summary>
internal sealed class SecretsFile
{
    private readonly string _path;
    private Dictionary<string, string>? _values;
    private bool _missing;

    /// <summary>Creates a reader of the secrets file at <paramref name="path"/>.</summary>
    public SecretsFile(string path) => _path = path;

    /// <summary>The file's path, as named in errors.</summary>
    public string Path => _path;

    /// <summary>
    /// Looks up <paramref name="name"/>; on failure adds an error naming the secret and the file,
    /// and returns null.
    /// </summary>
    public string? Resolve(string name, string keyPath, ConfigLocation location, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Load(errors);
        if (_missing)
        {
            errors.Add(new ConfigError(location, keyPath, $"secret `{name}` is used but there is no secrets file at {_path}",
                $"Create {_path} with a line `{name}: <value>`"));
            return null;
        }

        if (_values!.TryGetValue(name, out var value))
        {
            return value;
        }

        errors.Add(new ConfigError(location, keyPath, $"secret `{name}` is not defined in {_path}",
            $"Add a line `{name}: <value>` to {_path}"));
        return null;
    }

    private void Load(List<ConfigError> errors)
    {
        if (_values is not null || _missing)
        {
            return;
        }

        if (!File.Exists(_path))
        {
            _missing = true;
            return;
        }

        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = YamlConfigReader.Read(_path, File.ReadAllText(_path), secrets: null, errors);
        foreach (var entry in root?.Entries ?? [])
        {
            if (entry.Value is ConfigScalar { Value: not null } scalar)
            {
                _values[entry.Key] = scalar.Value;
            }
        }
    }
}
