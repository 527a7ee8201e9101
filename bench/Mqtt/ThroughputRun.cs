namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// One throughput run: messages published, messages the subscriber got, the rate end to end, and what the harness
/// process (publisher and subscriber, nothing else running in it then) spent on them: CPU time and bytes allocated.
/// </summary>
internal sealed record ThroughputRun(
    int Published,
    int Received,
    double MessagesPerSecond,
    double CpuMillisecondsPerThousandMessages,
    double BytesAllocatedPerMessage);
