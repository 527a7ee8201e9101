using System.Globalization;
using ProofOfHeat.AppModel.Chat;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary><c>/miners</c> in the Telegram bot: each miner's state, power, hashrate and hottest temperature (read only).</summary>
public sealed class MinersChatCommand(IMinerFleet fleet) : IChatCommand
{
    /// <inheritdoc />
    public string Name => "miners";

    /// <inheritdoc />
    public string Description => "The miners: state, power, hashrate";

    /// <inheritdoc />
    public bool Acts => false;

    /// <inheritdoc />
    public Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ru = request.Language == "ru";
        if (fleet.MinerIds.Count == 0)
        {
            return Task.FromResult(new ChatReply(ru ? "Майнеры не настроены." : "No miners are configured."));
        }

        var lines = fleet.MinerIds.Select(fleet.GetSnapshot).Select(m =>
        {
            var state = !m.Available ? (ru ? "нет связи" : "unreachable") : m.IsOn == true ? (ru ? "работает" : "on") : (ru ? "выключен" : "off");
            var reading = m.Reading;
            return string.Create(CultureInfo.InvariantCulture,
                $"{m.Name}: {state}, {reading?.PowerWatts ?? 0:0} W, {reading?.HashrateTerahash ?? 0:0.#} TH/s, {reading?.MaximumTemperature?.ToString("0", CultureInfo.InvariantCulture) ?? "?"} °C");
        });
        return Task.FromResult(new ChatReply(string.Join('\n', lines)));
    }
}
