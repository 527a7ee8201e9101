namespace ProofOfHeat.Bench.Mqtt;

/// <summary>One latency run: how many sensor events went out, how many valve commands came back, and the percentiles.</summary>
internal sealed record LatencyRun(int Sent, int Received, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, double AchievedRate);
