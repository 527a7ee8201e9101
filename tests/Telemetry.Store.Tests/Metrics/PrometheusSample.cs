namespace ProofOfHeat.Telemetry.Store.Tests.Metrics;

/// <summary>One sample line as parsed.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
