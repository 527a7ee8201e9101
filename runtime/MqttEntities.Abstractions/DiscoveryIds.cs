namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>The id rule of HA discovery topics: node and object ids only use <c>[a-zA-Z0-9_-]</c>.</summary>
internal static class DiscoveryIds
{
    /// <summary>Whether <paramref name="id"/> is a valid discovery id.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="id"/> is not a valid discovery id.</summary>
    public static void EnsureValid(string? id, string parameterName)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a valid id: use only letters, digits, '_' and '-'.", parameterName);
        }
    }
}
