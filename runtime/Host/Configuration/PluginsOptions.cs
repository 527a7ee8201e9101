namespace ProofOfHeat.Host.Configuration;

/// <summary>Driver plugins (<c>plugins:</c>): assemblies dropped into a folder and named here.</summary>
internal sealed class PluginsOptions
{
    /// <summary>The folder that holds plugin assemblies (each may sit in a subfolder of its own name with its dependencies).</summary>
    /// <value>Default: null, meaning <c>/data/plugins</c> in add-on mode and <c>./plugins</c> otherwise.</value>
    public string? Folder { get; set; }

    /// <summary>The plugin assemblies to load, by file name with or without <c>.dll</c>.</summary>
    /// <value>Default: none.</value>
    public List<string> Load { get; set; } = [];

    /// <summary>
    /// The plugins folder: <see cref="Folder"/> resolved against the config file's folder (else
    /// <paramref name="workingDirectory"/>); by default <c>/data/plugins</c> in the add-on and <c>plugins</c> otherwise.
    /// </summary>
    public string ResolveFolder(string? configFile, bool isAddon, string workingDirectory)
    {
        var baseDirectory = configFile is { } file ? Path.GetDirectoryName(Path.GetFullPath(file))! : workingDirectory;
        return Path.Combine(baseDirectory, Folder ?? (isAddon ? "/data/plugins" : "plugins"));
    }
}
