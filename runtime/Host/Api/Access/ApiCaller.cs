namespace ProofOfHeat.Host.Api.Access;

/// <summary>Who makes a request, as the audit log names them, and what they may do.</summary>
/// <param name="Name">
/// <c>token:NAME</c> for an API token, <c>ha:USER</c> for a Home Assistant user through ingress, <c>local</c> for
/// a loopback caller when no token is configured.
/// </param>
/// <param name="Role">What they may do.</param>
internal sealed record ApiCaller(string Name, ApiRole Role);
