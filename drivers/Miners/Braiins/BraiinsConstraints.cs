namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>The power-target bounds of <c>GET /api/v1/configuration/constraints</c>, W.</summary>
/// <param name="MinimumWatts">The lowest target the tuner accepts.</param>
/// <param name="MaximumWatts">The highest target the tuner accepts.</param>
/// <param name="DefaultWatts">The factory target.</param>
internal sealed record BraiinsConstraints(int MinimumWatts, int MaximumWatts, int DefaultWatts);
