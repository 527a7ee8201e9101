namespace ProofOfHeat.AppModel.Apps;

/// <summary>What an <see cref="IHomeAppModule"/> may know when it registers: the apps that will run, and the options
/// the host bound from their <c>apps.&lt;id&gt;</c> sections.</summary>
/// <param name="runningApps">The ids of the apps that will run, with their bound options (null when the section has none).</param>
public sealed class HomeAppModuleContext(IReadOnlyDictionary<string, object?> runningApps)
{
    private readonly IReadOnlyDictionary<string, object?> _runningApps = runningApps ?? throw new ArgumentNullException(nameof(runningApps));

    /// <summary>The ids of the apps that will run.</summary>
    public IEnumerable<string> RunningAppIds => _runningApps.Keys;

    /// <summary>Whether app <paramref name="appId"/> will run.</summary>
    public bool Runs(string appId) => _runningApps.ContainsKey(appId);

    /// <summary>The configured options of app <paramref name="appId"/>, or null when it does not run or has no section.</summary>
    public TOptions? OptionsOf<TOptions>(string appId)
        where TOptions : class => _runningApps.GetValueOrDefault(appId) as TOptions;
}
