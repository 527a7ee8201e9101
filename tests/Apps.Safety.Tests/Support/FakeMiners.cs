using ProofOfHeat.Apps.Safety.Loads;

namespace ProofOfHeat.Apps.Safety.Tests.Support;

/// <summary>Miners that sleep and wake on request, unless told to defer (as the fleet's dwell guard does within a minimum on-time).</summary>
internal sealed class FakeMiners(params string[] ids) : ISafetyMiners
{
    private readonly Dictionary<string, bool> _on = ids.ToDictionary(id => id, _ => true, StringComparer.Ordinal);

    public IReadOnlyList<string> MinerIds => ids;

    public List<(string Miner, string Command, string Reason)> Requests { get; } = [];

    public HashSet<string> Deferring { get; } = new(StringComparer.Ordinal);

    public bool IsOn(string minerId) => _on[minerId];

    public bool? IsDrawing(string minerId) => _on[minerId];

    public Task<MinerSwitchResult> SleepAsync(string minerId, string reason, CancellationToken cancellationToken) => Set(minerId, false, reason);

    public Task<MinerSwitchResult> WakeAsync(string minerId, string reason, CancellationToken cancellationToken) => Set(minerId, true, reason);

    private Task<MinerSwitchResult> Set(string minerId, bool on, string reason)
    {
        lock (Requests)
        {
            Requests.Add((minerId, on ? "wake" : "sleep", reason));
        }

        if (Deferring.Contains(minerId))
        {
            return Task.FromResult(new MinerSwitchResult(false, true, "running only 2 min of the minimum 10 min"));
        }

        _on[minerId] = on;
        return Task.FromResult(new MinerSwitchResult(true, false, "applied"));
    }
}
