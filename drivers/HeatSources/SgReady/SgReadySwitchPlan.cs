namespace ProofOfHeat.Drivers.HeatSources.SgReady;

/// <summary>
/// The order in which to change the two contacts to go from one state to another. Two relays never switch at the same
/// instant, so a change of both passes through one of the other two combinations for a moment. That moment must never
/// be "blocked" (1:0: the heat pump may take it as an utility block and lock out) nor "forced" (1:1: a definite start
/// command) unless it is the target; it may be "normal" (0:0) or "recommended" (0:1), which only advise. So: when both
/// contacts change, open the one that is closed first (through 0:0 when leaving 1:0, through 0:1 when leaving 1:1).
/// </summary>
public static class SgReadySwitchPlan
{
    /// <summary>The contact settings to write in order (each one relay change); empty when already there.</summary>
    public static IReadOnlyList<SgReadyContacts> Steps(SgReadyContacts from, SgReadyState to)
    {
        var target = SgReadyContacts.For(to);
        if (from == target)
        {
            return [];
        }

        if (from.Contact1 != target.Contact1 && from.Contact2 != target.Contact2)
        {
            // Both change. Of the two ways through, take the one with contact 1 open: 0:0 between 1:0 and 0:1, 0:1
            // between 0:0 and 1:1 — never the blocked 1:0 nor the forced 1:1 on the way.
            var through = from.Contact1 ? new SgReadyContacts(false, from.Contact2) : new SgReadyContacts(false, target.Contact2);
            return [through, target];
        }

        return [target];
    }

    /// <summary>Whether a combination may be passed through on the way to another: only the advisory states 2 and 3.</summary>
    public static bool IsSafeStop(SgReadyContacts contacts) => contacts.State is SgReadyState.Normal or SgReadyState.Recommended;
}
