namespace ProofOfHeat.AppModel.Apps;

/// <summary>An app's typed options, bound from its section <c>apps.&lt;id&gt;</c> of the configuration.</summary>
/// <typeparam name="T">The options class.</typeparam>
public interface IAppConfig<out T>
    where T : class
{
    /// <summary>The bound options.</summary>
    T Value { get; }
}
