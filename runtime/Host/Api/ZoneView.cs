using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Host.Api;

/// <summary>A zone as <c>GET /api/zones</c> shows it.</summary>
/// <param name="Id">The zone's id.</param>
/// <param name="At">When the heating app last decided it.</param>
/// <param name="Room">The room temperature, °C, or null without a reading.</param>
/// <param name="Outdoor">The outdoor temperature, °C, or null.</param>
/// <param name="Target">The target, °C.</param>
/// <param name="Lower">The comfort band's lower bound, °C (the optimiser's; null while TPI decides).</param>
/// <param name="Upper">The comfort band's upper bound, °C, or null.</param>
/// <param name="PowerWatts">The power commanded, W.</param>
/// <param name="Rule">Which rule decided (<c>tpi</c>, <c>optimiser</c> …).</param>
/// <param name="Reason">Why, in a few words for people.</param>
/// <param name="Plan">The optimiser's plan for the present slot, or null while TPI decides.</param>
/// <param name="History">The store's <c>symbols</c> text for the zone's series (<c>zone=…</c>), or null when none is recorded.</param>
internal sealed record ZoneView(
    string Id, DateTimeOffset At, double? Room, double? Outdoor, double Target, double? Lower, double? Upper, int PowerWatts,
    string Rule, string Reason, ZonePlanView? Plan, string? History)
{
    /// <summary>The view of the zone's latest <paramref name="decision"/>.</summary>
    public static ZoneView Of(HeatingDecision decision, string? historySymbol)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var plan = decision.Plan;
        return new ZoneView(decision.Zone, decision.At, decision.RoomTemperature, decision.OutdoorTemperature, decision.TargetTemperature,
            plan?.Lower, plan?.Upper, decision.PowerWatts, decision.Rule.ToString().ToLowerInvariant(), decision.Reason,
            plan is null ? null : new ZonePlanView(
                plan.ElectricityPrice,
                plan.PredictedRoomTemperature,
                plan.SafeModeReason,
                [.. plan.Settings.Select(s => new SourcePowerView(s.Id, s.Watts))],
                [.. plan.HeatCosts.Select(c => new SourceCostView(c.Id, double.IsFinite(c.EurPerKwhHeat) ? c.EurPerKwhHeat : null))]),
            historySymbol is null ? null : SymbolSet.Encode([new("zone", historySymbol)]));
    }
}
