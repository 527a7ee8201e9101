namespace ProofOfHeat.Host.Api;

/// <summary>
/// Stored values that no longer validate (written by an older version, or edited in the database): the reader
/// skips them, so the app runs on its defaults, and records them here; <c>/api/status</c> shows them under
/// <c>storedState</c> until the brain restarts.
/// </summary>
internal sealed class StoredStateProblems : IStatusContributor
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "storedState";

    /// <summary>Records that <paramref name="ns"/>/<paramref name="key"/> was skipped because of <paramref name="problem"/>.</summary>
    public void Report(string ns, string key, string problem)
    {
        lock (_gate)
        {
            _problems[$"{ns}/{key}"] = problem;
        }
    }

    /// <inheritdoc />
    public object GetStatus()
    {
        lock (_gate)
        {
            return new
            {
                invalid = _problems.Select(p => new { key = p.Key, problem = p.Value, usedInstead = "the defaults (the configured value)" }).ToList(),
            };
        }
    }
}
