namespace ProofOfHeat.Drivers.HeatSources.SgReady;

/// <summary>The two SG-Ready contacts (closed = true) and the state they signal (see <see cref="SgReadyState"/>).</summary>
/// <param name="Contact1">Contact 1 (the one that alone means "blocked").</param>
/// <param name="Contact2">Contact 2 (the one that alone means "recommended").</param>
public readonly record struct SgReadyContacts(bool Contact1, bool Contact2)
{
    /// <summary>The state these contacts signal.</summary>
    public SgReadyState State => (Contact1, Contact2) switch
    {
        (true, false) => SgReadyState.Blocked,
        (false, false) => SgReadyState.Normal,
        (false, true) => SgReadyState.Recommended,
        _ => SgReadyState.Forced,
    };

    /// <summary>The contacts that signal <paramref name="state"/>.</summary>
    public static SgReadyContacts For(SgReadyState state) => state switch
    {
        SgReadyState.Blocked => new(true, false),
        SgReadyState.Normal => new(false, false),
        SgReadyState.Recommended => new(false, true),
        SgReadyState.Forced => new(true, true),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "SG-Ready has states 1 to 4."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{(Contact1 ? 1 : 0)}:{(Contact2 ? 1 : 0)} (state {(int)State} {State})";
}
