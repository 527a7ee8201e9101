namespace ProofOfHeat.Host.Api;

/// <summary>An app as <c>GET /api/apps</c> shows it.</summary>
/// <param name="Id">The app id.</param>
/// <param name="Enabled">Whether it is switched on.</param>
/// <param name="State">Its lifecycle state, such as <c>running</c> or <c>stopped</c>.</param>
/// <param name="LastError">The last error message, if any.</param>
internal sealed record AppInfo(string Id, bool Enabled, string State, string? LastError);
