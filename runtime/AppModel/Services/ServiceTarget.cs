namespace ProofOfHeat.AppModel.Services;

/// <summary>The <c>target</c> of a service call: entities, devices, areas, floors or labels.</summary>
public sealed record ServiceTarget
{
    /// <summary>Target entity ids.</summary>
    public IReadOnlyList<string>? EntityIds { get; init; }

    /// <summary>Target device ids.</summary>
    public IReadOnlyList<string>? DeviceIds { get; init; }

    /// <summary>Target area ids.</summary>
    public IReadOnlyList<string>? AreaIds { get; init; }

    /// <summary>Target floor ids.</summary>
    public IReadOnlyList<string>? FloorIds { get; init; }

    /// <summary>Target label ids.</summary>
    public IReadOnlyList<string>? LabelIds { get; init; }

    /// <summary>A target naming entities.</summary>
    public static ServiceTarget Entities(params string[] entityIds) => new() { EntityIds = entityIds };
}
