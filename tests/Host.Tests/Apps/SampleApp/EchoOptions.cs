namespace Acme.HomeApps;

/// <summary>The app's section, <c>apps.acme_echo</c>.</summary>
public sealed class EchoOptions
{
    public string SourceEntity { get; set; } = "";

    public string TargetEntity { get; set; } = "";
}
