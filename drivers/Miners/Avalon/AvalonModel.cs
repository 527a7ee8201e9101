namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// An Avalon home miner's power modes and what its firmware reports (pyasic's Avalon backend and public status dumps). The mode
/// watts are approximate: a reading's <c>MPO</c> is the miner's own limit for the mode in effect.
/// </summary>
/// <param name="Name">The model name shown to users.</param>
/// <param name="Modes">The power modes, lowest power first.</param>
/// <param name="NominalTerahash">Hashrate at the top mode, TH/s.</param>
/// <param name="MeasuresPower">
/// Whether the firmware reports the watts it draws: the Nano 3S and Mini 3 as the last number of <c>PS[…]</c>;
/// the original Nano 3's public status dump carries no <c>WALLPOWER</c> and no such <c>PS</c>, so its power is the
/// mode's limit, an estimate.
/// </param>
public sealed record AvalonModel(string Name, IReadOnlyList<AvalonPowerMode> Modes, double NominalTerahash, bool MeasuresPower)
{
    /// <summary>
    /// The original Avalon Nano 3: work levels 0 / 1 / 2 at about 60 / 90 / 125 W (the firmware's MPO values,
    /// the maker's spec sheet), set with <c>ascset 0,worklevel,set,L</c> (pyasic's Avalon backend, used on these machines).
    /// </summary>
    public static AvalonModel Nano3 { get; } = new("Avalon Nano 3", [new("low", 0, 60), new("mid", 1, 90), new("high", 2, 125)], 4, MeasuresPower: false);

    /// <summary>
    /// Avalon Nano 3S: work modes 0 / 1 / 2 (low / mid / high), up to about 140 W; a public status dump of a Nano 3S
    /// in its top mode reads <c>WORKMODE[2] … MPO[133]</c> with <c>PS[0 0 27541 4 0 3756 133]</c> (an open-source
    /// collector's test fixture built from a real device; pyasic reads the Nano 3S's watts from <c>PS[6]</c>).
    /// </summary>
    public static AvalonModel Nano3S { get; } = new("Avalon Nano 3S", [new("low", 0, 60), new("mid", 1, 90), new("high", 2, 140)], 6, MeasuresPower: true);

    /// <summary>
    /// Avalon Mini 3: work modes 0 heating, 1 mining, 2 night (ajberti/ha-avalon-mini, a Home Assistant integration
    /// written against the Mini 3: <c>ascset|0,workmode,set,N</c>, <c>WORKMODE[n]</c>, watts from <c>PS[…]</c>); 800 W
    /// at full power (tronsington/docs, Avalon Mini 3 work levels). The night and heating watts are estimates to
    /// check on hardware; the reading's MPO and PS give the real figures.
    /// </summary>
    public static AvalonModel Mini3 { get; } = new("Avalon Mini 3", [new("night", 2, 400), new("heating", 0, 600), new("mining", 1, 800)], 37.5, MeasuresPower: true);

    /// <summary>The mode named <paramref name="name"/> (or given by its code), or null.</summary>
    public AvalonPowerMode? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return Modes.FirstOrDefault(m => string.Equals(m.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? Modes.FirstOrDefault(m => string.Equals(m.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), trimmed, StringComparison.Ordinal));
    }

    /// <summary>The name of the mode with <paramref name="code"/>, or the code itself.</summary>
    public string NameOf(int code) =>
        Modes.FirstOrDefault(m => m.Code == code)?.Name ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The model for a <c>version</c> reply's product and model fields; unknown Avalons get the Nano 3S's modes.</summary>
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
        return Nano3S with { Name = name };
    }
}
