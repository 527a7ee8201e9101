namespace ProofOfHeat.Notify.Options;

/// <summary>A Scriban title and message for one alert kind in one language.</summary>
/// <param name="Title">The title template, e.g. <c>Leak: {{ sensor }}</c>.</param>
/// <param name="Message">The message template.</param>
public sealed record AlertTemplateText(string Title, string Message);
