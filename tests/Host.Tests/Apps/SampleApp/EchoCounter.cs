namespace Acme.HomeApps;

/// <summary>A service the module registers and the app uses.</summary>
public sealed class EchoCounter
{
    public int Offset { get; init; }

    public int Count { get; set; }
}
