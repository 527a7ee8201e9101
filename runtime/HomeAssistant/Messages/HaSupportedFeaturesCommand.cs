namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary><c>supported_features</c> asking HA to coalesce queued messages into JSON arrays.</summary>
internal sealed record HaSupportedFeaturesCommand() : HaCommand("supported_features")
{
    public static readonly HaSupportedFeaturesCommand CoalesceMessages = new();
}
