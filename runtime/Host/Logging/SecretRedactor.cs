namespace ProofOfHeat.Host.Logging;

/// <summary>
/// The redaction rule for logs: every secret value known from the configuration (tokens,
/// passwords, anything read through <c>!secret</c>) is replaced by <c>***</c> wherever it appears,
/// and any structured log value whose name says it is a secret is replaced whole.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What a redacted value is written as.</summary>
    public const string Mask = "***";

    // Short values would mask ordinary words; a real token or password is longer.
    private const int MinimumSecretLength = 4;
    private static readonly string[] SecretNameParts = ["token", "password", "passwd", "secret", "apikey", "api_key", "authorization"];
    private readonly string[] _secrets;

    /// <summary>Creates the rule for <paramref name="secrets"/>.</summary>
    public SecretRedactor(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.Where(s => s.Length >= MinimumSecretLength).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>A rule that knows no secret values (names are still redacted).</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>Whether a structured value named <paramref name="name"/> holds a secret.</summary>
    public static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text with every known secret masked.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
