using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>
/// A named set of preset temperatures and a weekly schedule (config: an item of <c>profiles:</c>; the store keeps
/// the same shape as JSON). Switching the active profile (from HA, the API or Telegram) changes every zone's
/// comfort band at once: "home", "holiday", "working from home".
/// </summary>
public sealed class HeatingProfile
{
    /// <summary>The name shown in HA's select and used by the API.</summary>
    public string Name { get; set; } = "default";

    /// <summary>The preset temperatures.</summary>
    public PresetTemperatures Presets { get; set; } = new();

    /// <summary>The preset outside every block.</summary>
    public string DefaultPreset { get; set; } = "eco";

    /// <summary>The weekly blocks; later ones win where they overlap.</summary>
    public IReadOnlyList<ScheduleBlock> Schedule { get; set; } = [];

    /// <summary>Dated exceptions (holidays); later ones win where they overlap.</summary>
    public IReadOnlyList<ScheduleHoliday> Exceptions { get; set; } = [];

    /// <summary>The demo home's profile: comfort 06:30–22:30 on weekdays and 08:00–23:00 at weekends, eco otherwise.</summary>
    public static HeatingProfile Default(double comfort = 21) => new()
    {
        Name = "default",
        Presets = new PresetTemperatures { Comfort = comfort, Eco = comfort - 2.5 },
        Schedule =
        [
            new ScheduleBlock { Days = "weekdays", From = "06:30", To = "22:30", Preset = "comfort" },
            new ScheduleBlock { Days = "weekends", From = "08:00", To = "23:00", Preset = "comfort" },
        ],
    };

    /// <summary>Compiles the schedule, which also validates it; throws <see cref="ArgumentException"/> naming the bad key.</summary>
    public WeeklySchedule Compile()
    {
        var what = $"profile '{Name}'";
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A heating profile needs a name.");
        }

        (Presets ?? throw new ArgumentException($"{what}: presets are missing.")).Validate(what);
        return WeeklySchedule.Compile(DefaultPreset, Schedule ?? [], Exceptions ?? [], what);
    }
}
