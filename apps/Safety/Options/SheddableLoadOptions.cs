namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>One load overload shedding may switch off (<c>apps.safety.overload.loads[]</c>).</summary>
public sealed class SheddableLoadOptions
{
    /// <summary>A miner id of the fleet (<c>kind: miner</c>) or an entity id (<c>kind: switch</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary><c>miner</c> (slept and woken through the fleet, its dwell guard) or <c>switch</c> (an entity turned off and on).</summary>
    public string Kind { get; set; } = "switch";

    /// <summary>What the load draws when on (W): how much shedding it takes off the meter.</summary>
    public double Watts { get; set; }

    /// <summary>Lower sheds first; by default miners 0, switches (resistive heaters) 10.</summary>
    public int? Priority { get; set; }

    /// <summary>Whether this is a miner of the fleet.</summary>
    public bool IsMiner => string.Equals(Kind, "miner", StringComparison.Ordinal);

    /// <summary>The effective priority.</summary>
    public int EffectivePriority => Priority ?? (IsMiner ? 0 : 10);

    /// <summary>Throws when the load cannot be shed.</summary>
    public void Validate()
    {
        if (Kind is not ("miner" or "switch"))
        {
            throw new ArgumentException($"apps.safety.overload.loads[{Id}].kind: `{Kind}` is not one of miner, switch.");
        }

        if (IsMiner ? string.IsNullOrWhiteSpace(Id) : Id.IndexOf('.', StringComparison.Ordinal) <= 0)
        {
            throw new ArgumentException($"apps.safety.overload.loads: `{Id}` is not a miner id or an entity id.");
        }

        if (!(Watts > 0))
        {
            throw new ArgumentException($"apps.safety.overload.loads[{Id}].watts: must be positive (what it draws when on).");
        }
    }
}
