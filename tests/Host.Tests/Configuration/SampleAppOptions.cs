namespace ProofOfHeat.Host.Tests.Configuration;

public sealed class SampleAppOptions
{
    public double ComfortTarget { get; set; } = 21.0;

    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(5);

    public List<string> Zones { get; set; } = [];

    public Dictionary<string, double> Offsets { get; set; } = [];

    public SampleMode Mode { get; set; } = SampleMode.Eco;

    public required string Entity { get; set; }
}
