namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>One heating zone (config: an item of <c>zones:</c>), shown in HA as one climate entity.</summary>
public sealed class HeatingZoneOptions
{
    /// <summary>The id (<c>[a-z0-9_-]</c>): the climate's key and the API's zone name.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name shown in HA, or null for the id.</summary>
    public string? Name { get; set; }

    /// <summary>The room temperature sensor.</summary>
    public string RoomTemperatureEntity { get; set; } = string.Empty;

    /// <summary>A window or door contact (<c>on</c> = open), or null to detect windows from the temperature slope.</summary>
    public string? WindowEntity { get; set; }

    /// <summary>The ids of the sources (under <c>sources:</c>) that heat this zone.</summary>
    public IReadOnlyList<string> Sources { get; set; } = [];

    /// <summary>The zone's display name.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    /// <summary>Throws when the zone cannot work.</summary>
    public void Validate(IReadOnlyCollection<string> sourceIds)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        if (string.IsNullOrEmpty(Id) || !Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"zones: '{Id}' is not a zone id; use lower-case letters, digits, _ and -.");
        }

        if (string.IsNullOrWhiteSpace(RoomTemperatureEntity) || !RoomTemperatureEntity.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"zones: '{Id}': room_temperature_entity must be a full entity id.");
        }

        if (Sources is null || Sources.Count == 0)
        {
            throw new ArgumentException($"zones: '{Id}': name at least one source under sources.");
        }

        if (Sources.FirstOrDefault(s => !sourceIds.Contains(s)) is { } unknown)
        {
            throw new ArgumentException($"zones: '{Id}': source '{unknown}' is not under sources: (known: {string.Join(", ", sourceIds)}).");
        }
    }
}
