namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>A register map cannot be used; each line of the message is one problem as <c>FILE:LINE:COLUMN: key: problem. fix</c>.</summary>
public sealed class RegisterMapException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem found, in order.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
