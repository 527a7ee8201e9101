namespace ProofOfHeat.Bench.Mqtt;

/// <summary>One throughput run: messages published, messages the subscriber got, and the rate end to end.</summary>
internal sealed record ThroughputRun(int Published, int Received, double MessagesPerSecond);
