using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Host.Api;

/// <summary>An alert as <c>GET /api/alerts</c> shows it (the texts are the request's plain-English defaults).</summary>
/// <param name="Key">The dedup key, which <c>POST /api/alerts/{key}/ack</c> takes.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>critical</c>.</param>
/// <param name="State"><c>raised</c> or <c>acknowledged</c>.</param>
/// <param name="Source">The raising app.</param>
/// <param name="Title">The title.</param>
/// <param name="Message">The message.</param>
/// <param name="RaisedAt">When it was first raised.</param>
/// <param name="ChangedAt">When its state last changed.</param>
/// <param name="By">Who acknowledged it, or null.</param>
internal sealed record AlertView(
    string Key, string Severity, string State, string Source, string Title, string Message, DateTimeOffset RaisedAt, DateTimeOffset ChangedAt, string? By)
{
    /// <summary>The view of <paramref name="alert"/>.</summary>
    public static AlertView Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertView(alert.Key, alert.Severity.ToString().ToLowerInvariant(), alert.State.ToString().ToLowerInvariant(),
            alert.Request.Source, alert.Request.Title, alert.Request.Message, alert.RaisedAt, alert.ChangedAt, alert.By);
    }
}
