namespace ProofOfHeat.Apps.Alarm.Chat;

/// <summary>
/// The running alarm, for what reaches it from outside the app's own inputs (the chat's <c>/arm</c> and
/// <c>/disarm</c>). The runtime builds the app anew on every start; the app attaches itself here once initialised and
/// detaches when disposed, so a command between two runs finds no alarm rather than a disposed one.
/// </summary>
public sealed class AlarmRemote
{
    private AlarmApp? _app;

    /// <summary>The running alarm, or null while it is stopped.</summary>
    public AlarmApp? App => Volatile.Read(ref _app);

    /// <summary>Called by the app once it listens.</summary>
    internal void Attach(AlarmApp app) => Volatile.Write(ref _app, app);

    /// <summary>Called by the app when it stops; a newer instance that already attached stays.</summary>
    internal void Detach(AlarmApp app) => Interlocked.CompareExchange(ref _app, null, app);
}
