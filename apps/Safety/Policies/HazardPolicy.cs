namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>
/// A hazard seen by binary sensors (leak, gas, smoke/CO): a sensor going <c>on</c> acts, every time it goes on (a
/// second sensor, or the same one again after it dried, re-sends the actions: a valve opened by hand in between is
/// closed again). A sensor reporting <c>on</c> while already on does not act again, so a flapping or chatty sensor
/// sends nothing twice. <c>unavailable</c> and <c>unknown</c> change nothing: a sensor that drops off the network in
/// the middle of a leak does not resolve it. Pure: readings in, decisions out.
/// </summary>
public sealed class HazardPolicy
{
    private readonly HashSet<string> _sensors;
    private readonly List<string> _triggered = [];

    /// <summary>A policy over <paramref name="sensors"/>.</summary>
    public HazardPolicy(IEnumerable<string> sensors) => _sensors = new HashSet<string>(sensors, StringComparer.Ordinal);

    /// <summary>The sensors detecting the hazard now.</summary>
    public IReadOnlyList<string> Triggered => _triggered;

    /// <summary>Whether the hazard is present.</summary>
    public bool Active => _triggered.Count > 0;

    /// <summary>Whether <paramref name="entityId"/> is one of the rule's sensors.</summary>
    public bool Watches(string entityId) => _sensors.Contains(entityId);

    /// <summary>Decides on <paramref name="sensor"/> now reading <paramref name="state"/>.</summary>
    public HazardDecision Evaluate(string sensor, string? state)
    {
        if (!_sensors.Contains(sensor))
        {
            return HazardDecision.None(_triggered);
        }

        var wasTriggered = _triggered.Contains(sensor);
        switch (state)
        {
            case "on" when !wasTriggered:
                _triggered.Add(sensor);
                return new HazardDecision(true, false, [.. _triggered]);
            case "off" when wasTriggered:
                _triggered.Remove(sensor);
                return new HazardDecision(false, _triggered.Count == 0, [.. _triggered]);
            default:
                return HazardDecision.None(_triggered);
        }
    }
}
