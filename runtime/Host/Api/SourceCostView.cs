namespace ProofOfHeat.Host.Api;

/// <summary>One source's heat cost.</summary>
/// <param name="Id">The source.</param>
/// <param name="EurPerKwhHeat">€ per kWh of heat, or null.</param>
internal sealed record SourceCostView(string Id, double? EurPerKwhHeat);
