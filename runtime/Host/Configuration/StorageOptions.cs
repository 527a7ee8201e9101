namespace ProofOfHeat.Host.Configuration;

/// <summary>Run-time storage (<c>storage:</c>).</summary>
internal sealed class StorageOptions
{
    /// <summary>The data directory that holds <c>poh.db</c>. The <c>--data</c> flag wins over it.</summary>
    /// <value>Default: null, meaning <c>/data</c> in add-on mode and <c>./data</c> otherwise.</value>
    public string? Path { get; set; }
}
