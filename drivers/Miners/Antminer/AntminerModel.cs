namespace ProofOfHeat.Drivers.Miners.Antminer;

/// <summary>
/// A model's nameplate (the maker's spec sheet). Stock firmware reports no watts, so the
/// driver estimates power from these figures and the hashrate.
/// </summary>
/// <param name="Name">The model as <c>version</c>/<c>stats</c> name it, e.g. "Antminer S19 Pro".</param>
/// <param name="NominalWatts">Power in normal mode, W.</param>
/// <param name="NominalTerahash">Hashrate in normal mode, TH/s.</param>
/// <param name="HasHighEfficiencyMode">Whether the firmware offers HEM (work mode 2).</param>
public sealed record AntminerModel(string Name, int NominalWatts, double NominalTerahash, bool HasHighEfficiencyMode)
{
    // Fractions of nominal power in the reduced modes. Bitmain publishes none; these are estimates
    // to be replaced by a smart-plug reading where the user has one.
    private const double LowPowerFraction = 0.75;
    private const double HighEfficiencyFraction = 0.88;

    private static readonly AntminerModel[] Known =
    [
        new("Antminer S9", 1350, 13.5, false),
        new("Antminer S17", 2520, 56, false),
        new("Antminer S19", 3250, 95, false),
        new("Antminer S19 Pro", 3250, 110, false),
        new("Antminer S19j Pro", 3050, 104, false),
        new("Antminer S19k Pro", 2760, 120, true),
        new("Antminer S19 XP", 3010, 140, false),
        new("Antminer S21", 3500, 200, true),
        new("Antminer S21 Pro", 3510, 234, true),
        new("Antminer T21", 3610, 190, true),
    ];

    /// <summary>The nameplate for <paramref name="reportedType"/>: the longest known name it contains, or a generic S19-class guess.</summary>
    public static AntminerModel For(string? reportedType)
    {
        var type = reportedType?.Trim() ?? "";
        var match = Known
            .Where(m => type.Contains(m.Name, StringComparison.OrdinalIgnoreCase))
            .MaxBy(m => m.Name.Length);
        return match ?? new AntminerModel(type.Length > 0 ? type : "Antminer (unknown model)", 3250, 100, false);
    }

    /// <summary>The work modes offered as tiers, lowest power first, with their estimated power.</summary>
    public IReadOnlyList<MinerPowerTier> Tiers =>
        HasHighEfficiencyMode
            ? [Tier(AntminerWorkMode.LowPower), Tier(AntminerWorkMode.HighEfficiency), Tier(AntminerWorkMode.Normal)]
            : [Tier(AntminerWorkMode.LowPower), Tier(AntminerWorkMode.Normal)];

    /// <summary>The estimated power in <paramref name="mode"/>, W.</summary>
    public int WattsIn(AntminerWorkMode mode) => mode switch
    {
        AntminerWorkMode.Sleep => 0,
        AntminerWorkMode.LowPower => (int)Math.Round(NominalWatts * LowPowerFraction),
        AntminerWorkMode.HighEfficiency => (int)Math.Round(NominalWatts * HighEfficiencyFraction),
        _ => NominalWatts,
    };

    private MinerPowerTier Tier(AntminerWorkMode mode) => new(AntminerModeNames.Of(mode), WattsIn(mode));
}
