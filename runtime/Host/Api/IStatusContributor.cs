namespace ProofOfHeat.Host.Api;

/// <summary>
/// Adds one section to <c>GET /api/status</c>. Register implementations as singletons
/// (<c>services.AddSingleton&lt;IStatusContributor, X&gt;()</c>); each one's result appears under its
/// <see cref="Name"/>.
/// </summary>
internal interface IStatusContributor
{
    /// <summary>The section's key in the status document, such as <c>homeassistant</c> or <c>apps</c>.</summary>
    string Name { get; }

    /// <summary>A snapshot that System.Text.Json can serialise. Called on each request: keep it cheap and non-blocking.</summary>
    object GetStatus();
}
