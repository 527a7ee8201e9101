namespace ProofOfHeat.Host.Api.Access;

/// <summary>Tells whether a Home Assistant user (by the id ingress names in <c>X-Remote-User-Id</c>) is an admin.</summary>
internal interface IHomeAssistantUsers
{
    /// <summary>True for an HA admin, false for any other user, null when it cannot be told now (HA away, unknown id).</summary>
    Task<bool?> IsAdminAsync(string userId, CancellationToken cancellationToken);
}
