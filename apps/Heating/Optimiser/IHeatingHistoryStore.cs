namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>Where zones' recorded history is kept between the app's minutes (and, when persistent, across restarts).</summary>
public interface IHeatingHistoryStore
{
    /// <summary>The zone's samples, oldest first, at most <paramref name="span"/> back from the newest.</summary>
    IReadOnlyList<HeatingHistorySample> Load(string zoneId, TimeSpan span);

    /// <summary>Adds one sample (newer than every sample stored for the zone).</summary>
    void Append(string zoneId, HeatingHistorySample sample);
}
