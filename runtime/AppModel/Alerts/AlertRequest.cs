namespace ProofOfHeat.AppModel.Alerts;

/// <summary>
/// What an app asks the alert service to tell people. Raising the same <paramref name="Key"/> again while the alert is
/// open updates it and does not notify again (dedup): a flapping sensor never spams.
/// </summary>
/// <param name="Key">The dedup key, stable for one cause, e.g. <c>safety.leak.kitchen</c>.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Source">The raising app's id, e.g. <c>safety</c>.</param>
/// <param name="Kind">The template name the texts come from, e.g. <c>safety.leak</c> (overridable in config per kind).</param>
/// <param name="Title">The default title in plain English, used when no template exists for <paramref name="Kind"/>.</param>
/// <param name="Message">The default message in plain English, used when no template exists for <paramref name="Kind"/>.</param>
/// <param name="Values">The facts the templates may use (e.g. <c>sensor</c>, <c>valve</c>, <c>room</c>), plain values only.</param>
/// <param name="Actions">The rule's own actions offered beside Acknowledge and Snooze.</param>
public sealed record AlertRequest(
    string Key,
    AlertSeverity Severity,
    string Source,
    string Kind,
    string Title,
    string Message,
    IReadOnlyDictionary<string, object?>? Values = null,
    IReadOnlyList<AlertAction>? Actions = null);
