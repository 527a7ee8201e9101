namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>The presets' names as Home Assistant, the config and the API write them (lower case).</summary>
public static class HeatingPresetNames
{
    /// <summary>The name HA uses for "no preset" (a manual target).</summary>
    public const string None = "none";

    /// <summary>Every preset's name, in the order the climate entity offers them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<HeatingPreset>().Select(Name)];

    /// <summary>The name of <paramref name="preset"/> (<c>comfort</c>, <c>eco</c> …).</summary>
    public static string Name(HeatingPreset preset) => preset switch
    {
        HeatingPreset.Comfort => "comfort",
        HeatingPreset.Eco => "eco",
        HeatingPreset.Away => "away",
        HeatingPreset.Antifreeze => "antifreeze",
        HeatingPreset.Boost => "boost",
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };

    /// <summary>Parses a preset name (case-insensitive); false for <c>none</c> and unknown names.</summary>
    public static bool TryParse(string? name, out HeatingPreset preset)
    {
        foreach (var candidate in Enum.GetValues<HeatingPreset>())
        {
            if (string.Equals(Name(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                preset = candidate;
                return true;
            }
        }

        preset = default;
        return false;
    }

    /// <summary>Parses a preset name or throws an <see cref="ArgumentException"/> that lists the valid ones.</summary>
    public static HeatingPreset Parse(string? name, string what) => TryParse(name, out var preset)
        ? preset
        : throw new ArgumentException($"{what}: '{name}' is not a preset; use one of {string.Join(", ", All)}.");
}
