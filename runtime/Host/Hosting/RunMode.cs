namespace ProofOfHeat.Host.Hosting;

/// <summary>How the brain runs.</summary>
internal enum RunMode
{
    /// <summary>Against a real Home Assistant (standalone or add-on): <c>poh run</c>.</summary>
    Run,

    /// <summary>Against the simulated home on loopback, no HA or broker needed: <c>poh demo</c>.</summary>
    Demo,
}
