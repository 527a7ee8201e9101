using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.TestKit.Miners;

/// <summary>A driver's bounds in tests against a simulator.</summary>
public static class RigTimeouts
{
    /// <summary>Healthy-path bounds: generous for a loaded machine (a cold JIT takes seconds), with quick read-back polls.</summary>
    public static MinerTimeouts Fast { get; } = new()
    {
        Connect = TimeSpan.FromSeconds(10),
        Reply = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Verify = TimeSpan.FromMilliseconds(500),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>For tests that wait out a reply timeout on purpose: short, so they stay fast.</summary>
    public static MinerTimeouts Stall(MinerTimeouts fast) => fast with { Reply = TimeSpan.FromSeconds(1) };
}
