using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>One thing the sender tells the channels.</summary>
/// <param name="Alert">The alert as it was when queued.</param>
/// <param name="Kind">Why.</param>
/// <param name="Level">The escalation level reached: people at this level or below are told.</param>
/// <param name="NotifyPeople">False when only HA's own records (event, persistent notification) change, e.g. a rate-limited raise.</param>
public sealed record AlertDelivery(Alert Alert, AlertDeliveryKind Kind, int Level, bool NotifyPeople = true);
