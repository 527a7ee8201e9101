namespace ProofOfHeat.AppModel.Alerts;

/// <summary>
/// An action a person can take from the notification itself, beside the built-in Acknowledge and Snooze: a rule's own
/// remedy such as "Close valve". Invoking it reaches the raising app through <see cref="IAlerts.ActionsInvoked"/>.
/// </summary>
/// <param name="Id">A short id, unique within the alert (letters, digits, <c>_</c>), e.g. <c>close_valve</c>.</param>
/// <param name="Title">The button text, e.g. "Close valve".</param>
public sealed record AlertAction(string Id, string Title);
