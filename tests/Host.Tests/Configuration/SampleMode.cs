namespace ProofOfHeat.Host.Tests.Configuration;

public enum SampleMode
{
    Eco,
    Comfort,
}
