namespace ProofOfHeat.AppModel.Runtime;

/// <summary>An app's status for the API and the status document.</summary>
/// <param name="Id">The app id.</param>
/// <param name="Enabled">Whether the user has it switched on.</param>
/// <param name="State">Its lifecycle state.</param>
/// <param name="LastError">The last error message, if any.</param>
/// <param name="DroppedEvents">Events dropped because its queue was full.</param>
public sealed record AppStatus(string Id, bool Enabled, AppRunState State, string? LastError, long DroppedEvents);
