namespace ProofOfHeat.TestKit.Prometheus;

/// <summary>One sample line as parsed.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
