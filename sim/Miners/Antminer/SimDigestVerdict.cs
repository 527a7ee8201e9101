namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>What the simulated web server makes of a request's Digest credentials.</summary>
internal enum SimDigestVerdict
{
    /// <summary>No credentials: answer 401 with a challenge.</summary>
    Missing,

    /// <summary>Wrong user, password, realm, uri or a replayed count: answer 401 with a new challenge.</summary>
    Refused,

    /// <summary>Right credentials on an expired or unknown nonce: answer 401 with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>Let in.</summary>
    Accepted,
}
