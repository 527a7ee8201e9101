namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// An Avalon home miner's nameplate and work levels (the maker's spec sheet). The level
/// watts are approximate: a reading's <c>MPO</c> gives the current level's real limit.
/// </summary>
/// <param name="Name">The model name shown to users.</param>
/// <param name="LevelWatts">The approximate power of work levels 0, 1, 2, …, W.</param>
/// <param name="NominalTerahash">Hashrate at the top level, TH/s.</param>
public sealed record AvalonModel(string Name, IReadOnlyList<int> LevelWatts, double NominalTerahash)
{
    /// <summary>Avalon Nano 3: about 60 / 90 / 125 W (the firmware's MPO values).</summary>
    public static AvalonModel Nano3 { get; } = new("Avalon Nano 3", [60, 90, 125], 4);

    /// <summary>Avalon Nano 3S: the Nano 3's levels, up to about 140 W.</summary>
    public static AvalonModel Nano3S { get; } = new("Avalon Nano 3S", [60, 90, 140], 6);

    /// <summary>Avalon Mini 3: about 800 W at the top level; the lower levels are estimates to check on hardware.</summary>
    public static AvalonModel Mini3 { get; } = new("Avalon Mini 3", [400, 600, 800], 37.5);

    /// <summary>The model for a <c>version</c> reply's product and model fields; unknown Avalons get the Nano 3's levels.</summary>
    public static AvalonModel For(string? product, string? model)
    {
        var text = ((product ?? "") + " " + (model ?? "")).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (text.Contains("NANO3S", StringComparison.Ordinal))
        {
            return Nano3S;
        }

        if (text.Contains("NANO3", StringComparison.Ordinal))
        {
            return Nano3;
        }

        if (text.Contains("MINI3", StringComparison.Ordinal))
        {
            return Mini3;
        }

        var name = string.IsNullOrWhiteSpace(product) ? "Avalon (unknown model)" : product.Trim();
        return Nano3 with { Name = name };
    }
}
