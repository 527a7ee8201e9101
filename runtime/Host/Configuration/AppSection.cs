namespace ProofOfHeat.Host.Configuration;

/// <summary>One app's section, <c>apps.&lt;id&gt;</c>: its switch and its own options.</summary>
internal sealed class AppSection
{
    /// <summary>Whether the app runs. A switch stored through the API later wins over it.</summary>
    /// <value>Default: true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The app's options, an instance of the type registered in <see cref="AppCatalog"/>.</summary>
    /// <value>Default: null when the app registered no options type.</value>
    public object? Options { get; set; }
}
