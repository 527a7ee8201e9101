namespace ProofOfHeat.AppModel.Entities;

/// <summary>
/// One <c>state_changed</c>: the entity's state before and after. <see cref="Old"/> is
/// <see langword="null"/> when the entity appears, <see cref="New"/> when it is removed.
/// </summary>
/// <param name="EntityId">The entity that changed.</param>
/// <param name="Old">The state before the change.</param>
/// <param name="New">The state after the change.</param>
public sealed record StateChange(string EntityId, EntityState? Old, EntityState? New)
{
    /// <summary>Whether the state value itself changed (not only attributes).</summary>
    public bool IsValueChange => !string.Equals(Old?.State, New?.State, StringComparison.Ordinal);
}
