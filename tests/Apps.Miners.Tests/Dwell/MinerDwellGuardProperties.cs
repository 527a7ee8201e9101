using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Dwell;

/// <summary>
/// Any sequence of contradictory requests at any rate: the miner never switches on/off closer than the minimum times,
/// its power never changes closer than the interval, and once the requests stop it ends where the latest one asked.
/// </summary>
public sealed class MinerDwellGuardProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly MinerDwellTimes Times = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(5));
    private static readonly MinerCommand[] Requests =
        [MinerCommand.Sleep, MinerCommand.Wake, MinerCommand.SetPower(1000), MinerCommand.SetPower(2000), MinerCommand.SetPower(3000)];

    [Property(MaxTest = 500)]
    public Property AnyRequests_KeepEveryDwellTime(int[] delays, int[] choices)
    {
        var miner = Run(delays, choices, out _);

        var switchesKept = miner.Switches.Zip(miner.Switches.Skip(1)).All(pair =>
            pair.Second.At - pair.First.At >= (pair.First.On ? Times.MinimumOn : Times.MinimumOff));
        var changesKept = miner.PowerChanges.Zip(miner.PowerChanges.Skip(1)).All(pair => pair.Second - pair.First >= Times.PowerChangeInterval);
        return (switchesKept && changesKept).Label($"switches: {string.Join(", ", miner.Switches)}; changes: {string.Join(", ", miner.PowerChanges)}");
    }

    [Property(MaxTest = 500)]
    public Property AnyRequests_EndWhereTheLatestAsked(int[] delays, int[] choices)
    {
        var miner = Run(delays, choices, out var last);

        var ended = last is null
            || last.Kind switch
            {
                MinerCommandKind.Sleep => !miner.On,
                MinerCommandKind.Wake => miner.On,
                _ => miner.On && miner.Watts == last.Watts,
            };
        return ended.Label($"last request {last}, miner on={miner.On} at {miner.Watts} W");
    }

    private static SimulatedMiner Run(int[] delays, int[] choices, out MinerCommand? last)
    {
        var guard = new MinerDwellGuard(Times);
        var miner = new SimulatedMiner();
        var now = T0;
        last = null;
        var steps = Math.Min(delays?.Length ?? 0, choices?.Length ?? 0);
        for (var i = 0; i < steps; i++)
        {
            // Requests arrive from every few seconds to a quarter of an hour apart; the fleet's poll runs in between.
            now += TimeSpan.FromSeconds(Math.Abs(delays![i] % 900));
            Poll(guard, miner, now);
            last = Requests[Math.Abs(choices![i] % Requests.Length)];
            if (guard.Request(last, now) is { Verdict: MinerDwellVerdict.Allowed } allowed)
            {
                Send(guard, miner, allowed.Command, now);
            }
        }

        for (var minutes = 1; minutes <= 60; minutes++)
        {
            Poll(guard, miner, now + TimeSpan.FromMinutes(minutes));
        }

        return miner;
    }

    private static void Poll(MinerDwellGuard guard, SimulatedMiner miner, DateTimeOffset now)
    {
        if (guard.TakeDue(now) is { Verdict: MinerDwellVerdict.Allowed } due)
        {
            Send(guard, miner, due.Command, now);
        }
    }

    private static void Send(MinerDwellGuard guard, SimulatedMiner miner, MinerCommand command, DateTimeOffset now)
    {
        miner.Apply(command, now);
        guard.Applied(command, now);
    }

    /// <summary>The miner as the device sees it: starts running at 3000 W with no history.</summary>
    private sealed class SimulatedMiner
    {
        public bool On { get; private set; } = true;

        public int Watts { get; private set; } = 3000;

        public List<(DateTimeOffset At, bool On)> Switches { get; } = [];

        public List<DateTimeOffset> PowerChanges { get; } = [];

        public void Apply(MinerCommand command, DateTimeOffset at)
        {
            var on = command.Kind != MinerCommandKind.Sleep;
            if (on != On)
            {
                On = on;
                Switches.Add((at, on));
            }

            if (command.Watts is { } watts && watts != Watts)
            {
                Watts = watts;
                PowerChanges.Add(at);
            }
        }
    }
}
