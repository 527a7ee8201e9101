using ProofOfHeat.Apps.Heating.Sources;

namespace ProofOfHeat.Apps.Heating.Tests.RealScheduler;

/// <summary>Commanders for every source that record each delivered command with the app's clock; safe across threads.</summary>
internal sealed class RecordingCommanders(TimeProvider timeProvider) : IHeatSourceCommanderFactory
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset At, string SourceId, int Watts)> _commands = [];

    /// <summary>Every command so far, in order.</summary>
    public IReadOnlyList<(DateTimeOffset At, string SourceId, int Watts)> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    public IHeatSourceCommander? TryCreate(HeatSourceOptions source) => new Recorder(this, source.Id);

    /// <summary>The moments <paramref name="sourceId"/> switched on or off (from off at the start), with the state it switched to.</summary>
    public List<(DateTimeOffset At, bool On)> Switches(string sourceId)
    {
        var switches = new List<(DateTimeOffset At, bool On)>();
        var on = false;
        foreach (var command in Commands.Where(c => c.SourceId == sourceId))
        {
            if ((command.Watts > 0) != on)
            {
                on = command.Watts > 0;
                switches.Add((command.At, on));
            }
        }

        return switches;
    }

    /// <summary>How long <paramref name="sourceId"/> was on between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public TimeSpan OnTime(string sourceId, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? onSince = null;
        foreach (var (at, on) in Switches(sourceId))
        {
            if (on)
            {
                onSince = at;
            }
            else if (onSince is { } since)
            {
                total += Overlap(since, at, from, to);
                onSince = null;
            }
        }

        return onSince is { } open ? total + Overlap(open, to, from, to) : total;
    }

    private static TimeSpan Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset to)
    {
        var a = start > from ? start : from;
        var b = end < to ? end : to;
        return b > a ? b - a : TimeSpan.Zero;
    }

    private sealed class Recorder(RecordingCommanders owner, string sourceId) : IHeatSourceCommander
    {
        public string SourceId => sourceId;

        public Task CommandAsync(HeatSourceCommand command, CancellationToken cancellationToken)
        {
            lock (owner._gate)
            {
                owner._commands.Add((owner._timeProvider.GetUtcNow(), sourceId, command.PowerWatts));
            }

            return Task.CompletedTask;
        }
    }

    private readonly TimeProvider _timeProvider = timeProvider;
}
