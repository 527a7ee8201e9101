namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>The target temperature of each preset, °C (config keys <c>comfort</c>, <c>eco</c> …).</summary>
public sealed class PresetTemperatures
{
    /// <summary>Comfort, °C.</summary>
    public double Comfort { get; set; } = 21;

    /// <summary>Eco, °C.</summary>
    public double Eco { get; set; } = 18.5;

    /// <summary>Away, °C.</summary>
    public double Away { get; set; } = 16;

    /// <summary>Antifreeze (frost protection), °C.</summary>
    public double Antifreeze { get; set; } = 7;

    /// <summary>Boost, °C.</summary>
    public double Boost { get; set; } = 23;

    /// <summary>The temperature of <paramref name="preset"/>.</summary>
    public double For(HeatingPreset preset) => preset switch
    {
        HeatingPreset.Comfort => Comfort,
        HeatingPreset.Eco => Eco,
        HeatingPreset.Away => Away,
        HeatingPreset.Antifreeze => Antifreeze,
        HeatingPreset.Boost => Boost,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };

    /// <summary>
    /// The lowest preset, °C. Every zone falls back to a preset (off and open windows to antifreeze), so a preset
    /// near 0 °C would switch frost protection off; 5 °C is the usual frost setting of room thermostats.
    /// </summary>
    public const double MinimumCelsius = 5;

    /// <summary>The highest preset, °C.</summary>
    public const double MaximumCelsius = 35;

    /// <summary>Throws when a temperature is outside <see cref="MinimumCelsius"/>..<see cref="MaximumCelsius"/> °C.</summary>
    public void Validate(string what)
    {
        foreach (var preset in Enum.GetValues<HeatingPreset>())
        {
            var value = For(preset);
            if (!double.IsFinite(value) || value is < MinimumCelsius or > MaximumCelsius)
            {
                throw new ArgumentException($"{what}: the {HeatingPresetNames.Name(preset)} temperature {value} is outside {MinimumCelsius}..{MaximumCelsius} °C.");
            }
        }
    }
}
