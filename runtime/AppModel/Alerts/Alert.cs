namespace ProofOfHeat.AppModel.Alerts;

/// <summary>An alert as the alert service holds it.</summary>
/// <param name="Id">A unique id of this occurrence (a new one each time the key is raised after it was resolved).</param>
/// <param name="Request">What was raised (the latest raise while open).</param>
/// <param name="State">Raised, acknowledged or resolved.</param>
/// <param name="RaisedAt">When it was first raised.</param>
/// <param name="ChangedAt">When its state last changed.</param>
/// <param name="By">Who acknowledged it (e.g. <c>ha:4f2…</c>, <c>telegram:123456</c>), or null.</param>
public sealed record Alert(string Id, AlertRequest Request, AlertState State, DateTimeOffset RaisedAt, DateTimeOffset ChangedAt, string? By = null)
{
    /// <summary>The dedup key.</summary>
    public string Key => Request.Key;

    /// <summary>How urgent.</summary>
    public AlertSeverity Severity => Request.Severity;
}
