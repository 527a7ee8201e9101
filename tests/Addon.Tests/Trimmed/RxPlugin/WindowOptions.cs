namespace Acme.RxApps;

/// <summary>The app's section, <c>apps.acme_window</c>.</summary>
public sealed class WindowOptions
{
    public string SourceEntity { get; set; } = "";

    public string TargetEntity { get; set; } = "";
}
