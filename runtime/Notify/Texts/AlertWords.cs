namespace ProofOfHeat.Notify.Texts;

/// <summary>The few fixed words around alerts (buttons, status lines) in one language.</summary>
public sealed record AlertWords(
    string Acknowledge,
    string Snooze,
    string Acknowledged,
    string Resolved,
    string NoAlerts,
    string NotAllowed,
    string Done)
{
    /// <summary>English.</summary>
    public static AlertWords English { get; } = new("Acknowledge", "Snooze 1 h", "Acknowledged by", "Resolved", "No open alerts.", "Your role may read, not act.", "Done.");

    /// <summary>Russian.</summary>
    public static AlertWords Russian { get; } = new("Подтвердить", "Отложить на 1 ч", "Подтвердил", "Устранено", "Открытых тревог нет.", "Ваша роль позволяет только читать.", "Готово.");

    /// <summary>The words for <paramref name="language"/> (<c>ru</c> or else English).</summary>
    public static AlertWords For(string? language) =>
        string.Equals(language, "ru", StringComparison.OrdinalIgnoreCase) ? Russian : English;
}
