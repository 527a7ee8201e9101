namespace ProofOfHeat.AppModel.Runtime;

/// <summary>The lifecycle loop's record of one app; touched only by that loop.</summary>
internal sealed class AppSlot(AppDescriptor descriptor)
{
    public AppDescriptor Descriptor { get; } = descriptor;

    public bool Enabled { get; set; } = true;

    public AppRunState State { get; set; } = AppRunState.Stopped;

    public string? LastError { get; set; }

    public AppInstance? Instance { get; set; }

    public long DroppedBefore { get; set; }

    public AppStatus ToStatus() => new(
        Descriptor.Id,
        Enabled,
        Enabled ? State : AppRunState.Disabled,
        LastError,
        DroppedBefore);
}
