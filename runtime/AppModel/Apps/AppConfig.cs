namespace ProofOfHeat.AppModel.Apps;

/// <summary>The runtime's <see cref="IAppConfig{T}"/>: options handed over at construction.</summary>
/// <typeparam name="T">The options class.</typeparam>
internal sealed class AppConfig<T>(T value) : IAppConfig<T>
    where T : class
{
    /// <inheritdoc />
    public T Value { get; } = value;
}
