namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary>A command sent in the command phase; the connection adds the <c>id</c>.</summary>
/// <param name="Type">The wire <c>type</c>.</param>
internal abstract record HaCommand(string Type);
