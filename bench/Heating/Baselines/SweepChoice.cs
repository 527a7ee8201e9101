namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>What the comfort sweep chose for one baseline family on one scenario's held-out days.</summary>
/// <param name="Point">The configuration.</param>
/// <param name="HeldOutNetCost">Its net cost on the held-out days, €.</param>
/// <param name="HeldOutKhPerDay">Its discomfort on the held-out days, K·h/day.</param>
/// <param name="Qualified">Whether it met the tuning limit there; when none did, the most comfortable point is kept.</param>
/// <param name="Candidates">How many configurations were tried.</param>
public sealed record SweepChoice(SweepPoint Point, double HeldOutNetCost, double HeldOutKhPerDay, bool Qualified, int Candidates);
