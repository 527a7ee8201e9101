namespace ProofOfHeat.Notify.Telegram;

/// <summary>
/// Which Telegram messages carried which alert (chat, message id and the text sent), so that an acknowledgement edits
/// them instead of adding a message. Forgotten when the alert resolves; bounded, the oldest alert forgotten first, so
/// alerts that never resolve cannot grow it without end.
/// </summary>
public sealed class TelegramAlertMessages
{
    /// <summary>How many alerts are remembered at most.</summary>
    public const int Capacity = 512;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<SentAlertMessage>> _byAlert = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Remembers that <paramref name="message"/> carried alert <paramref name="alertId"/>.</summary>
    public void Remember(string alertId, SentAlertMessage message)
    {
        lock (_gate)
        {
            if (!_byAlert.TryGetValue(alertId, out var messages))
            {
                while (_byAlert.Count >= Capacity && _order.TryDequeue(out var oldest))
                {
                    _byAlert.Remove(oldest);
                }

                _byAlert[alertId] = messages = [];
                _order.Enqueue(alertId);
            }

            messages.Add(message);
        }
    }

    /// <summary>The messages that carried alert <paramref name="alertId"/> to chat <paramref name="chatId"/>, oldest first.</summary>
    public IReadOnlyList<SentAlertMessage> In(string alertId, long chatId)
    {
        lock (_gate)
        {
            return _byAlert.TryGetValue(alertId, out var messages) ? [.. messages.Where(m => m.ChatId == chatId)] : [];
        }
    }

    /// <summary>Forgets alert <paramref name="alertId"/> (it resolved).</summary>
    public void Forget(string alertId)
    {
        lock (_gate)
        {
            _byAlert.Remove(alertId);
        }
    }
}
