namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>
/// A value that could not be read (such as a <c>!secret</c> that is not defined). Its error is
/// already reported, so binding skips it instead of adding a second error for the same line.
/// </summary>
/// <param name="Location">Where it is written.</param>
internal sealed record ConfigBroken(ConfigLocation Location) : ConfigNode(Location);
