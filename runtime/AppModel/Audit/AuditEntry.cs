namespace ProofOfHeat.AppModel.Audit;

/// <summary>One thing the brain did or was asked to do, kept in the audit trail.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: <c>app:safety</c>, <c>ha:&lt;user id&gt;</c>, <c>telegram:&lt;chat id&gt;</c>, <c>api:&lt;token name&gt;</c>.</param>
/// <param name="Action">What kind of thing: <c>service_call</c>, <c>mqtt_command</c>, <c>miner_command</c>, <c>alert_raised</c>,
/// <c>alert_acknowledged</c>, <c>arm</c>, <c>disarm</c>, <c>api_change</c> …</param>
/// <param name="Target">What it was done to: an entity id, a miner id, an alert key, an API path.</param>
/// <param name="Reason">Why, in a few words (e.g. "leak at kitchen sink"), or null.</param>
/// <param name="CorrelationId">Ties a decision to its commands and their read-back.</param>
/// <param name="Result">How it ended: <c>ok</c>, <c>confirmed</c>, <c>failed: …</c>, <c>refused</c>, <c>pending</c>.</param>
/// <param name="Detail">Extra facts, short (cut to a few hundred characters by the trail), or null.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string? Reason,
    string CorrelationId,
    string Result,
    string? Detail = null);
