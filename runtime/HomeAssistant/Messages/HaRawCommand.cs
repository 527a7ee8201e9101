namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary>Any other command: its fields are serialised as given (values with System.Text.Json).</summary>
internal sealed record HaRawCommand(string Type, IReadOnlyDictionary<string, object?>? Fields) : HaCommand(Type);
