using ProofOfHeat.Host.Api.Access;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// One API token (an item of <c>http.tokens:</c>): a name for the audit log, a role, and the token itself,
/// either as text (best through <c>!secret</c>) or as its SHA-256 hash.
/// </summary>
internal sealed class HttpTokenOptions
{
    /// <summary>Who holds the token, as the audit log names them (<c>kitchen-tablet</c>).</summary>
    /// <value>Required.</value>
    public required string Name { get; set; }

    /// <summary>What the holder may do.</summary>
    /// <value>Required: <c>guest</c> (read), <c>operator</c> (profiles, presets, app switches) or <c>admin</c> (everything).</value>
    public required ApiRole Role { get; set; }

    /// <summary>
    /// The token as text, at least 16 characters. It is hashed as it is read and only the hash is kept; reading the
    /// property always gives null. (The log redactor still knows the text, so that a log line never shows it.)
    /// </summary>
    /// <value>Default: null; set this or <see cref="Sha256"/>.</value>
    [Secret]
    public string? Token
    {
        get => null;
        set
        {
            Sha256 = value is null ? null : ApiTokenHash.Of(value);
            PlainTextLength = value?.Length;
        }
    }

    /// <summary>The token's SHA-256 as 64 hex digits (<c>printf %s "$TOKEN" | sha256sum</c>), so the config never holds the token.</summary>
    /// <value>Default: null; set this or <see cref="Token"/>.</value>
    public string? Sha256 { get; set; }

    /// <summary>The length of the text given as <see cref="Token"/> (null when the hash was given), for validation.</summary>
    internal int? PlainTextLength { get; private set; }
}
