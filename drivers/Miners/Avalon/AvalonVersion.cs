using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>What an Avalon's <c>version</c> reply tells.</summary>
/// <param name="Product">The product name, e.g. "AvalonMiner 15-194" or "Avalon Nano3" (<c>VERSION[0].PROD</c>).</param>
/// <param name="Model">The model code, e.g. "15-194" or "Nano3" (<c>MODEL</c>).</param>
/// <param name="Firmware">The firmware build (<c>VERSION</c>), e.g. "24102401_25462b2_9ddf522".</param>
internal sealed record AvalonVersion(string? Product, string? Model, string? Firmware)
{
    /// <summary>Reads <c>VERSION[0]</c>.</summary>
    public static AvalonVersion Parse(JsonElement root)
    {
        var version = JsonFields.Section(root, "VERSION");
        return new AvalonVersion(JsonFields.Text(version, "PROD"), JsonFields.Text(version, "MODEL"), JsonFields.Text(version, "VERSION"));
    }
}
