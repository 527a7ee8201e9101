namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>Where zones keep their recorded history across restarts, so a restart does not mean days of learning again.</summary>
public interface IHeatingHistoryStore
{
    /// <summary>The zone's samples, oldest first, at most <paramref name="span"/> back from the newest.</summary>
    IReadOnlyList<HeatingHistorySample> Load(string zoneId, TimeSpan span);

    /// <summary>Adds one sample (newer than every sample stored for the zone).</summary>
    void Append(string zoneId, HeatingHistorySample sample);
}
