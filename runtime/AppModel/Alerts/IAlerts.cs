namespace ProofOfHeat.AppModel.Alerts;

/// <summary>
/// The brain's one alert model, as apps see it. Raising never throws for a notification channel's fault and never
/// waits for one: a safety app raises and carries on acting. The implementation sends to HA (event
/// <c>poh_alert</c>, persistent notification, mobile app) and Telegram, with dedup, quiet hours and escalation.
/// </summary>
public interface IAlerts
{
    /// <summary>Raises (or, when <see cref="AlertRequest.Key"/> is open, updates) an alert; returns it as held.</summary>
    ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default);

    /// <summary>Marks the open alert with <paramref name="key"/> resolved (its cause is gone); nothing when none is open.</summary>
    ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges the open alert with <paramref name="key"/> on behalf of <paramref name="by"/>; false when none is open.</summary>
    ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default);

    /// <summary>The alerts not resolved yet, most severe and newest first.</summary>
    IReadOnlyList<Alert> Open { get; }

    /// <summary>A rule's own actions pressed by people, for the raising app to carry out.</summary>
    IObservable<AlertActionInvoked> ActionsInvoked { get; }
}
