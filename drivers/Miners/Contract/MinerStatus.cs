namespace ProofOfHeat.Drivers.Miners;

/// <summary>What state a miner is in, as far as its API tells.</summary>
public enum MinerStatus
{
    /// <summary>Hashing.</summary>
    Mining,

    /// <summary>Asleep, paused or curtailed on purpose: not hashing, still reachable.</summary>
    Sleeping,

    /// <summary>Starting or restarting (after a wake, a power change that restarts, or a reboot): expected to come back.</summary>
    Starting,

    /// <summary>Not answering: off, rebooting with its API down, or gone. Expected while a restart is under way.</summary>
    Unreachable,

    /// <summary>Answering but reporting a fault (no hashboards, overheated, errors).</summary>
    Faulted,
}
