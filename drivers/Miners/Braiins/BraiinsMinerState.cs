namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>The <c>status</c> of <c>GET /api/v1/miner/details</c> (the gRPC <c>MinerStatus</c> enum).</summary>
internal enum BraiinsMinerState
{
    /// <summary>Not given, or a value this driver does not know.</summary>
    Unknown = 0,

    /// <summary>bosminer has not started (yet).</summary>
    NotStarted = 1,

    /// <summary>Mining.</summary>
    Normal = 2,

    /// <summary>Paused by <c>actions/pause</c>.</summary>
    Paused = 3,

    /// <summary>Suspended (for example by dynamic performance scaling's shutdown).</summary>
    Suspended = 4,

    /// <summary>Restricted (for example by a licence or a safety limit).</summary>
    Restricted = 5,
}
