namespace ProofOfHeat.Host.HaSide;

/// <summary>A heating zone for the templates.</summary>
/// <param name="Id">The zone id.</param>
/// <param name="Name">The display name.</param>
/// <param name="RussianName">The room name for Alice (<see cref="RussianNames"/>).</param>
/// <param name="Climate">The zone's climate entity (brain).</param>
/// <param name="RoomSensor">The home's room temperature sensor.</param>
internal sealed record ZoneView(string Id, string Name, string RussianName, string Climate, string RoomSensor);
