namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>VTherm TPI coefficients; the defaults are VTherm's (0.6 / 0.01).</summary>
public sealed record TpiTuning(double CoefInt = 0.6, double CoefExt = 0.01);
