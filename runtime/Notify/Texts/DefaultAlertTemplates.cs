using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Notify.Texts;

/// <summary>
/// The shipped texts per alert kind in English and Russian (Scriban; every value may be missing, hence <c>??</c>).
/// Config overrides them per kind (<c>notify.templates</c>).
/// </summary>
internal static class DefaultAlertTemplates
{
    public static IReadOnlyDictionary<string, AlertTemplateText> English { get; } = new Dictionary<string, AlertTemplateText>(StringComparer.Ordinal)
    {
        ["safety.leak"] = new("Water leak: {{ sensor ?? \"a sensor\" }}", "Water detected by {{ sensor ?? \"a leak sensor\" }}{{ if valve }}; closing {{ valve }}{{ end }}."),
        ["safety.gas"] = new("Gas detected: {{ sensor ?? \"a sensor\" }}", "Gas detected by {{ sensor ?? \"a gas sensor\" }}. The gas valve is being closed; ventilate and leave the room."),
        ["safety.smoke"] = new("Smoke: {{ sensor ?? \"a sensor\" }}", "Smoke or CO detected by {{ sensor ?? \"a detector\" }}. Miners, heaters and ventilation are being switched off."),
        ["safety.freeze"] = new("Frost risk: {{ zone ?? sensor ?? \"a zone\" }}", "{{ zone ?? sensor ?? \"A zone\" }} is at {{ temperature ?? \"?\" }} °C, below its frost limit {{ limit ?? \"?\" }} °C; heating it whatever the price."),
        ["safety.overtemp"] = new("Too hot: {{ zone ?? \"a room\" }}", "{{ zone ?? \"A room\" }} is at {{ temperature ?? \"?\" }} °C; its heat sources are off."),
        ["safety.overload"] = new("Overload: {{ power ?? \"?\" }} W", "The main meter reads {{ power ?? \"?\" }} W against a limit of {{ limit ?? \"?\" }} W; shedding {{ shed ?? \"loads\" }}."),
        ["safety.sensor"] = new("Sensor needs attention: {{ sensor ?? \"a sensor\" }}", "{{ sensor ?? \"A safety sensor\" }}: {{ problem ?? \"no report\" }}."),
        ["alarm.triggered"] = new("Alarm: {{ sensor ?? \"intrusion\" }}", "The alarm was triggered by {{ sensor ?? \"a sensor\" }}; the siren is on."),
        ["alarm.reminder"] = new("Left open: {{ entity ?? \"something\" }}", "{{ entity ?? \"Something\" }} is still open."),
    };

    public static IReadOnlyDictionary<string, AlertTemplateText> Russian { get; } = new Dictionary<string, AlertTemplateText>(StringComparer.Ordinal)
    {
        ["safety.leak"] = new("Протечка: {{ sensor ?? \"датчик\" }}", "Датчик {{ sensor ?? \"протечки\" }} обнаружил воду{{ if valve }}; закрываю {{ valve }}{{ end }}."),
        ["safety.gas"] = new("Утечка газа: {{ sensor ?? \"датчик\" }}", "Датчик {{ sensor ?? \"газа\" }} обнаружил газ. Газовый кран закрывается; проветрите и покиньте помещение."),
        ["safety.smoke"] = new("Дым: {{ sensor ?? \"датчик\" }}", "Датчик {{ sensor ?? \"дыма\" }} обнаружил дым или CO. Майнеры, обогреватели и вентиляция выключаются."),
        ["safety.freeze"] = new("Угроза замерзания: {{ zone ?? sensor ?? \"зона\" }}", "{{ zone ?? sensor ?? \"Зона\" }}: {{ temperature ?? \"?\" }} °C, ниже порога {{ limit ?? \"?\" }} °C; грею при любой цене."),
        ["safety.overtemp"] = new("Перегрев: {{ zone ?? \"комната\" }}", "{{ zone ?? \"Комната\" }}: {{ temperature ?? \"?\" }} °C; её источники тепла выключены."),
        ["safety.overload"] = new("Перегрузка: {{ power ?? \"?\" }} Вт", "Главный счётчик показывает {{ power ?? \"?\" }} Вт при пределе {{ limit ?? \"?\" }} Вт; отключаю {{ shed ?? \"нагрузку\" }}."),
        ["safety.sensor"] = new("Проверьте датчик: {{ sensor ?? \"датчик\" }}", "{{ sensor ?? \"Датчик безопасности\" }}: {{ problem ?? \"нет данных\" }}."),
        ["alarm.triggered"] = new("Тревога: {{ sensor ?? \"проникновение\" }}", "Сработала сигнализация ({{ sensor ?? \"датчик\" }}); сирена включена."),
        ["alarm.reminder"] = new("Не закрыто: {{ entity ?? \"что-то\" }}", "{{ entity ?? \"Что-то\" }} всё ещё открыто."),
    };
}
