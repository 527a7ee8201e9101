namespace ProofOfHeat.Sim.Miners;

/// <summary>Where a simulated miner is in its life cycle.</summary>
public enum MinerPhase
{
    /// <summary>Hashing at its target.</summary>
    Mining,

    /// <summary>Asleep: not hashing, API up, drawing only the control board and fans.</summary>
    Sleeping,

    /// <summary>Restarting: the API is down.</summary>
    Restarting,

    /// <summary>Boards initialising after a wake or restart: API up, not hashing yet.</summary>
    Starting,
}
