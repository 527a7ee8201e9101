using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Antminer.Rpc;

/// <summary>
/// What the bmminer <c>stats</c> reply tells (pyasic's bmminer backend and its fixtures):
/// <c>STATS[0]</c> names the model, <c>STATS[1]</c> holds the figures, per hashboard ("chain")
/// under index suffixes that differ by model (1–3 on the S19, 6–8 on the S9).
/// </summary>
internal sealed record BmminerStats
{
    // pyasic scans the same range for the first populated chain; boards beyond 15 do not exist.
    private const int HighestChainIndex = 15;

    /// <summary>The model, e.g. "Antminer S19 Pro".</summary>
    public string? Model { get; init; }

    /// <summary>The 5-second hashrate, GH/s.</summary>
    public double? HashrateGigahash { get; init; }

    /// <summary>The nominal hashrate at this setting, GH/s (<c>total_rateideal</c>).</summary>
    public double? IdealHashrateGigahash { get; init; }

    /// <summary>Time since bmminer started.</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>The chain indices with chips on them.</summary>
    public IReadOnlyList<int> Chains { get; init; } = [];

    /// <summary>Per chain, the board (PCB) temperature, °C.</summary>
    public IReadOnlyList<double> BoardTemperatures { get; init; } = [];

    /// <summary>Per chain, the hottest chip temperature, °C.</summary>
    public IReadOnlyList<double> ChipTemperatures { get; init; } = [];

    /// <summary>The fans that report a speed, RPM.</summary>
    public IReadOnlyList<int> FanRpm { get; init; } = [];

    /// <summary>Hardware errors summed over the chains.</summary>
    public long HardwareErrors { get; init; }

    /// <summary>Reads the reply.</summary>
    public static BmminerStats Parse(JsonElement root)
    {
        var info = JsonFields.Section(root, "STATS");
        var data = JsonFields.Section(root, "STATS", 1);
        var chains = Enumerable.Range(1, HighestChainIndex)
            .Where(n => JsonFields.WholeNumber(data, Key("chain_acn", n)) > 0)
            .ToList();
        var boards = new List<double>();
        var chips = new List<double>();
        foreach (var n in chains)
        {
            var (board, chip) = Temperatures(data, n);
            if (board is { } b)
            {
                boards.Add(b);
            }

            if (chip is { } c)
            {
                chips.Add(c);
            }
        }

        return new BmminerStats
        {
            Model = JsonFields.Text(info, "Type"),
            HashrateGigahash = JsonFields.Number(data, "GHS 5s"),
            IdealHashrateGigahash = JsonFields.Number(data, "total_rateideal"),
            Elapsed = JsonFields.Number(data, "Elapsed") is { } s and >= 0 ? TimeSpan.FromSeconds(s) : null,
            Chains = chains,
            BoardTemperatures = boards,
            ChipTemperatures = chips,
            FanRpm = Enumerable.Range(1, 8)
                .Select(n => JsonFields.WholeNumber(data, Key("fan", n)) ?? 0)
                .Where(rpm => rpm > 0)
                .Select(rpm => (int)rpm)
                .ToList(),
            HardwareErrors = chains.Sum(n => JsonFields.WholeNumber(data, Key("chain_hw", n)) ?? 0),
        };
    }

    /// <summary>
    /// Firmware disagrees on which of <c>temp&lt;N&gt;</c> and <c>temp2_&lt;N&gt;</c> is the chip, so
    /// the hotter is taken as the chip and the cooler as the board (pyasic's bmminer backend and its fixtures). Newer bmminer's
    /// four-sensor quads (<c>temp_pcb&lt;N&gt;</c>, <c>temp_chip&lt;N&gt;</c>) win when present.
    /// </summary>
    private static (double? Board, double? Chip) Temperatures(JsonElement data, int n)
    {
        var pcbQuad = Quad(JsonFields.Text(data, Key("temp_pcb", n)));
        var chipQuad = Quad(JsonFields.Text(data, Key("temp_chip", n)));
        var singles = new[] { JsonFields.Number(data, Key("temp", n)), JsonFields.Number(data, "temp2_" + n.ToString(CultureInfo.InvariantCulture)) }
            .OfType<double>()
            .Where(t => t > 0)
            .ToList();
        double? board = pcbQuad.Count > 0 ? pcbQuad.Max() : singles.Count > 0 ? singles.Min() : null;
        double? chip = chipQuad.Count > 0 ? chipQuad.Max() : singles.Count > 0 ? singles.Max() : null;
        return (board, chip);
    }

    /// <summary>Reads a dash-joined sensor quad such as <c>"73-45-64-65"</c>; zeros are absent sensors.</summary>
    private static List<double> Quad(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split('-', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 0)
                .Where(t => t > 0)
                .ToList();

    private static string Key(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);
}
