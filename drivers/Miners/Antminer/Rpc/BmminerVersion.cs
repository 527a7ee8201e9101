using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Antminer.Rpc;

/// <summary>What the <c>version</c> reply tells: the model and the miner software.</summary>
/// <param name="Model">The model, e.g. "Antminer S19 Pro" (<c>VERSION[0].Type</c>).</param>
/// <param name="Software">The miner software and version from the status description, e.g. "bmminer 1.0.0".</param>
internal sealed record BmminerVersion(string? Model, string? Software)
{
    /// <summary>Reads <c>VERSION[0].Type</c> and <c>STATUS[0].Description</c>.</summary>
    public static BmminerVersion Parse(JsonElement root) =>
        new(JsonFields.Text(JsonFields.Section(root, "VERSION"), "Type"), JsonFields.Text(JsonFields.Section(root, "STATUS"), "Description"));
}
