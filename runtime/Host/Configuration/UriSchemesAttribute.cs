namespace ProofOfHeat.Host.Configuration;

/// <summary>Restricts a URL option to these schemes, so a typo like <c>htp://</c> fails at start with the file and line.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class UriSchemesAttribute(params string[] schemes) : Attribute
{
    /// <summary>The allowed schemes, lower case, without <c>://</c>.</summary>
    public IReadOnlyList<string> Schemes { get; } = schemes;

    /// <summary>Whether <paramref name="uri"/> uses one of <see cref="Schemes"/>.</summary>
    public bool Allows(Uri uri) => Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>The schemes as a reader would write them: <c>http://, ws://</c>.</summary>
    public string Describe() => string.Join(", ", Schemes.Select(s => s + "://"));
}
