namespace ProofOfHeat.AppModel.Alerts;

/// <summary>A person pressed one of an alert's own actions (not Acknowledge or Snooze, which the alert service handles).</summary>
/// <param name="Alert">The alert.</param>
/// <param name="ActionId">The <see cref="AlertAction.Id"/> pressed.</param>
/// <param name="By">Who pressed it (e.g. <c>ha:4f2…</c>, <c>telegram:123456</c>); already checked to be allowed to act.</param>
public sealed record AlertActionInvoked(Alert Alert, string ActionId, string By);
