namespace ProofOfHeat.Drivers.Miners.Antminer;

/// <summary>The tier names the driver shows for the work modes (the reading's <c>Mode</c> and <c>SetTier</c> names).</summary>
public static class AntminerModeNames
{
    /// <summary>Low-power mode.</summary>
    public const string LowPower = "low-power";

    /// <summary>High-efficiency mode.</summary>
    public const string HighEfficiency = "high-efficiency";

    /// <summary>Normal mode.</summary>
    public const string Normal = "normal";

    /// <summary>Sleep (a mode on this firmware, shown as the reading's mode while asleep).</summary>
    public const string Sleep = "sleep";

    /// <summary>The name of <paramref name="mode"/>.</summary>
    public static string Of(AntminerWorkMode mode) => mode switch
    {
        AntminerWorkMode.Normal => Normal,
        AntminerWorkMode.Sleep => Sleep,
        AntminerWorkMode.HighEfficiency => HighEfficiency,
        AntminerWorkMode.LowPower => LowPower,
        _ => ((int)mode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The mode named <paramref name="name"/> (case-insensitive; the firmware's number also works), or null.</summary>
    public static AntminerWorkMode? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            Normal or "0" => AntminerWorkMode.Normal,
            Sleep or "1" => AntminerWorkMode.Sleep,
            HighEfficiency or "hem" or "2" => AntminerWorkMode.HighEfficiency,
            LowPower or "lpm" or "low" or "3" => AntminerWorkMode.LowPower,
            _ => null,
        };
    }
}
