namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>One heat source that zones share (config: an item of <c>sources:</c>).</summary>
public sealed class HeatSourceOptions
{
    /// <summary>The id zones refer to.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>How it is commanded.</summary>
    public HeatSourceKind Kind { get; set; } = HeatSourceKind.Number;

    /// <summary>The entity commanded (for <see cref="HeatSourceKind.Fleet"/>, the id the fleet knows the miner by).</summary>
    public string Entity { get; set; } = string.Empty;

    /// <summary>The power levels it can run at, W (a switch: 0 and its rating).</summary>
    public IReadOnlyList<int> PowerLevels { get; set; } = [0, 1000, 2000, 3000];

    /// <summary>A limit below its top level, W (a circuit, a contract), or null for none.</summary>
    public int? MaxWatts { get; set; }

    /// <summary>Whether it is a miner, whose fans the night limit keeps quiet.</summary>
    public bool Miner { get; set; }

    /// <summary>Throws when the source cannot work.</summary>
    public void Validate()
    {
        var what = $"sources: '{Id}'";
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("sources: every source needs an id.");
        }

        if (string.IsNullOrWhiteSpace(Entity) || (Kind != HeatSourceKind.Fleet && !Entity.Contains('.', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{what}: entity must be a full entity id (domain.object_id).");
        }

        if (PowerLevels is null || PowerLevels.Count == 0 || PowerLevels.Any(l => l < 0))
        {
            throw new ArgumentException($"{what}: at least one non-negative power level is needed.");
        }

        if (MaxWatts is < 0)
        {
            throw new ArgumentException($"{what}: max_watts cannot be negative.");
        }
    }
}
