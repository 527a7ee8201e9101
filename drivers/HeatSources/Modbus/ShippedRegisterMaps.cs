
namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>The register maps that ship inside the driver (Maps/*.yaml), found by name; or a user's map by path.</summary>
public static class ShippedRegisterMaps
{
    private const string Prefix = "maps/";

    /// <summary>The names of the shipped maps.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(ShippedRegisterMaps).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The shipped map <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No map ships under that name.</exception>
    public static RegisterMap Get(string name)
    {
        using var stream = typeof(ShippedRegisterMaps).Assembly.GetManifestResourceStream(Prefix + name + ".yaml")
            ?? throw new KeyNotFoundException($"No register map named `{name}` ships; the shipped maps are {string.Join(", ", Names)}. Or give the path of a map file.");
        using var reader = new StreamReader(stream);
        return RegisterMapReader.Parse($"(shipped map {name})", reader.ReadToEnd());
    }

    /// <summary>A shipped map's name, or else a path to a map file.</summary>
    public static RegisterMap Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        return Names.Contains(nameOrPath) ? Get(nameOrPath) : RegisterMapReader.Load(nameOrPath);
    }
}
