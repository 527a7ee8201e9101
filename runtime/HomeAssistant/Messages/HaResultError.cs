namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary>The <c>error</c> object of a failed result.</summary>
internal sealed record HaResultError(string Code, string Message, string? TranslationKey);
