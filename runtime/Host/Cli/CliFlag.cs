namespace ProofOfHeat.Host.Cli;

/// <summary>A flag a verb accepts.</summary>
/// <param name="Name">The flag with its dashes, such as <c>--for</c>.</param>
/// <param name="ValueName">The value's placeholder in usage (<c>DURATION</c>), or null for a switch without a value.</param>
/// <param name="Help">One line of help.</param>
internal sealed record CliFlag(string Name, string? ValueName, string Help);
