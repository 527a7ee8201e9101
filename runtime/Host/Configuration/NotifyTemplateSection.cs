namespace ProofOfHeat.Host.Configuration;

/// <summary>The texts of one alert kind (<c>notify.templates.&lt;kind&gt;</c>), Scriban templates over the alert's values.</summary>
internal sealed class NotifyTemplateSection
{
    /// <summary>The title, such as <c>Leak: {{ sensor }}</c>.</summary>
    /// <value>Required.</value>
    public required string Title { get; set; }

    /// <summary>The message.</summary>
    /// <value>Required.</value>
    public required string Message { get; set; }
}
