namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// The .NET runtime settings of the "tuned" contestant: the same rule and client, with the runtime set up for
/// latency on a small, busy machine. Both are documented runtime switches; a host can set them in its environment.
/// </summary>
internal static class TunedRuntime
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        // Socket completions run on the epoll thread instead of hopping to a thread-pool worker. Safe for this
        // client: its reader never blocks (it hands messages to a bounded channel and awaits when it is full).
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",

        // Idle thread-pool workers sleep at once instead of spinning first: on two shared cores the spinning
        // takes CPU from the broker and the other processes.
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };

    public static string Describe() => string.Join(", ", Environment.Select(pair => $"{pair.Key}={pair.Value}"));
}
