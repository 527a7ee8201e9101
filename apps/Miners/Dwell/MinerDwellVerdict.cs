namespace ProofOfHeat.Apps.Miners.Dwell;

/// <summary>What the dwell guard says about a request.</summary>
public enum MinerDwellVerdict
{
    /// <summary>Send it now.</summary>
    Allowed,

    /// <summary>Too soon: it is kept (replacing any older kept request) and sent when allowed, unless a newer request replaces it.</summary>
    Deferred,

    /// <summary>Nothing to do: the miner is already there (any kept request is dropped, since the latest wish is met).</summary>
    NoOp,
}
