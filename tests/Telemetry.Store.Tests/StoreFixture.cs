using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Telemetry.Store.Tests;

/// <summary>A store in a fresh temporary directory on fake time, deleted on dispose.</summary>
internal sealed class StoreFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public StoreFixture(TelemetryStoreOptions? options = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "poh-store-" + Guid.NewGuid().ToString("N"));
        Time = new FakeTimeProvider(Start);
        Options = options ?? new TelemetryStoreOptions();
        Store = TelemetryStore.Open(Directory, Options, Time);
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public TelemetryStoreOptions Options { get; }

    public TelemetryStore Store { get; private set; }

    public static TelemetryPoint Point(string table, DateTimeOffset at, (string Key, string Value)[] symbols, params TelemetryField[] fields) =>
        new(table, at, [.. symbols.Select(s => KeyValuePair.Create(s.Key, s.Value))], fields);

    public void Write(params TelemetryPoint[] points) => Store.WriteAsync(points, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public void Reopen()
    {
        Store.Dispose();
        Store = TelemetryStore.Open(Directory, Options, Time);
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
