namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// Russian names for Alice (Yandex names devices and rooms in Russian). The rule: a name the config already writes in
/// Cyrillic is used as it is; otherwise a room word the name or id contains is translated from a fixed table
/// (<c>living room</c> → «Гостиная»); otherwise a numbered default («Зона 2»). Never a transliteration: Alice
/// recognises spoken Russian words, not Latin letters read as Russian.
/// </summary>
internal static class RussianNames
{
    // Longer phrases first, so "living room" wins over "room".
    private static readonly (string English, string Russian)[] Rooms =
    [
        ("living room", "Гостиная"), ("living", "Гостиная"), ("lounge", "Гостиная"), ("dining room", "Столовая"),
        ("dining", "Столовая"), ("master bedroom", "Спальня"), ("bedroom", "Спальня"), ("guest room", "Гостевая"),
        ("kids", "Детская"), ("nursery", "Детская"), ("children", "Детская"), ("kitchen", "Кухня"),
        ("bathroom", "Ванная"), ("bath", "Ванная"), ("shower", "Душевая"), ("toilet", "Туалет"), ("wc", "Туалет"),
        ("hallway", "Прихожая"), ("hall", "Прихожая"), ("entrance", "Прихожая"), ("corridor", "Коридор"),
        ("office", "Кабинет"), ("study", "Кабинет"), ("workshop", "Мастерская"), ("garage", "Гараж"),
        ("basement", "Подвал"), ("cellar", "Подвал"), ("attic", "Мансарда"), ("loft", "Мансарда"),
        ("boiler room", "Котельная"), ("utility", "Котельная"), ("laundry", "Прачечная"), ("sauna", "Сауна"),
        ("greenhouse", "Теплица"), ("veranda", "Веранда"), ("porch", "Веранда"), ("terrace", "Терраса"),
        ("balcony", "Балкон"), ("pantry", "Кладовая"), ("storage", "Кладовая"), ("gym", "Спортзал"),
        ("library", "Библиотека"), ("upstairs", "Второй этаж"), ("downstairs", "Первый этаж"), ("home", "Дом"),
        ("house", "Дом"),
    ];

    /// <summary>Whether <paramref name="text"/> holds a Cyrillic letter.</summary>
    public static bool IsCyrillic(string? text) => text is not null && text.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>The Russian room name for a zone or area named <paramref name="name"/> with id <paramref name="id"/>, or null when none fits.</summary>
    public static string? Room(string? name, string? id)
    {
        if (IsCyrillic(name))
        {
            return name!.Trim();
        }

        foreach (var text in new[] { name, id })
        {
            var words = $" {(text ?? string.Empty).ToLowerInvariant().Replace('_', ' ').Replace('-', ' ')} ";
            foreach (var (english, russian) in Rooms)
            {
                if (words.Contains($" {english} ", StringComparison.Ordinal))
                {
                    return russian;
                }
            }
        }

        return null;
    }

    /// <summary>The room for a zone: <see cref="Room"/>, else «Зона <paramref name="number"/>».</summary>
    public static string Zone(string? name, string id, int number) => Room(name, id) ?? $"Зона {number}";
}
