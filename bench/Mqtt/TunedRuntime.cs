namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// The contrast contestant: the product's rule process plus a runtime switch the product does not set, because it
/// exists only as an environment variable and would change every socket of the brain (see README, "Runtime defaults").
/// </summary>
internal static class TunedRuntime
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        // Socket completions run on the epoll thread instead of hopping to a thread-pool worker. System.Net.Sockets
        // reads it only from the environment (SocketAsyncEngine.Unix.cs, "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS").
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
    };

    /// <summary>Runtime and client switches a contestant must not inherit from the harness's environment.</summary>
    public static readonly IReadOnlyList<string> KnownKnobs =
    [
        "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS",
        "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit",
        "DOTNET_TieredCompilation",
        "DOTNET_TieredPGO",
    ];

    public static string Describe() => string.Join(", ", Environment.Select(pair => $"{pair.Key}={pair.Value}"));
}
