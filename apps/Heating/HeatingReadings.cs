namespace ProofOfHeat.Apps.Heating;

/// <summary>What the heating policy knows about the zone at decision time.</summary>
/// <param name="RoomTemperature">The room temperature, °C, or <see langword="null"/> when unavailable.</param>
/// <param name="RoomLastSeen">When the room sensor last reported (value or heartbeat), or <see langword="null"/> if never.</param>
/// <param name="OutdoorTemperature">The outdoor temperature, °C, or <see langword="null"/> when unavailable.</param>
public readonly record struct HeatingReadings(double? RoomTemperature, DateTimeOffset? RoomLastSeen, double? OutdoorTemperature);
