namespace ProofOfHeat.HomeAssistant;

/// <summary>The <c>target</c> of a service call; null lists are left out of the command.</summary>
public sealed record HaTarget
{
    /// <summary>Entity ids, written as <c>entity_id</c>.</summary>
    public IReadOnlyList<string>? EntityIds { get; init; }

    /// <summary>Device ids, written as <c>device_id</c>.</summary>
    public IReadOnlyList<string>? DeviceIds { get; init; }

    /// <summary>Area ids, written as <c>area_id</c>.</summary>
    public IReadOnlyList<string>? AreaIds { get; init; }

    /// <summary>Floor ids, written as <c>floor_id</c>.</summary>
    public IReadOnlyList<string>? FloorIds { get; init; }

    /// <summary>Label ids, written as <c>label_id</c>.</summary>
    public IReadOnlyList<string>? LabelIds { get; init; }

    /// <summary>A target of one or more entities.</summary>
    public static HaTarget ForEntities(params string[] entityIds) => new() { EntityIds = entityIds };
}
