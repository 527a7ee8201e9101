namespace ProofOfHeat.TestKit.Prometheus;

/// <summary>A metric family as parsed: its name, HELP, TYPE and samples.</summary>
public sealed class PrometheusFamily(string name)
{
    public string Name { get; } = name;

    public string? Help { get; set; }

    public string? Type { get; set; }

    public List<PrometheusSample> Samples { get; } = [];
}
