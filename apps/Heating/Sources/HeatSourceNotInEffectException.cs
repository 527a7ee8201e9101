namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// A driver source's command did not take effect (not followed, refused, unreachable): the decision round records the
/// command as failed with <see cref="Code"/>, and plans next from what the source was read doing.
/// </summary>
public sealed class HeatSourceNotInEffectException(string code, string message) : Exception(message)
{
    /// <summary>The outcome in snake case: <c>not_followed</c>, <c>refused</c> or <c>unreachable</c>.</summary>
    public string Code { get; } = code;
}
