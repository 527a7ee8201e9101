namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>The result of validating one command payload: accepted (and passed to the app) or rejected with a reason.</summary>
/// <param name="Accepted">Whether the command went to the app.</param>
/// <param name="Reason">Why it was rejected, for the log.</param>
internal readonly record struct CommandOutcome(bool Accepted, string? Reason)
{
    public static CommandOutcome Ok => new(true, null);

    public static CommandOutcome Reject(string reason) => new(false, reason);
}
