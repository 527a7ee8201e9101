using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Notify.Chat;

/// <summary>
/// <c>/arm [home|away|night|vacation] [code]</c> and <c>/disarm [code]</c> on the configured <c>alarm_control_panel</c>
/// entity (a panel the brain does not own, e.g. HA's manual alarm), through HA's services
/// <c>alarm_control_panel.alarm_arm_home|away|night|vacation</c> and <c>alarm_disarm</c> with their <c>code</c> field
/// (https://www.home-assistant.io/integrations/alarm_control_panel/#actions); the panel checks the code. Admins only;
/// the code is never echoed or audited. Audited with who asked. The brain's own alarm (apps.alarm) replaces these
/// commands with its own, which check the code here.
/// </summary>
public sealed class AlarmPanelChatCommand(bool arm, IHaOutlet ha, NotifyOptions options, IAuditTrail audit, TimeProvider timeProvider) : IChatCommand
{
    private static readonly string[] Modes = ["home", "away", "night", "vacation"];

    /// <inheritdoc />
    public string Name => arm ? "arm" : "disarm";

    /// <inheritdoc />
    public string Description => arm ? "Arm the alarm (home, away, night, vacation)" : "Disarm the alarm";

    /// <inheritdoc />
    public bool Acts => true;

    /// <inheritdoc />
    public ChatRole MinimumRole => ChatRole.Admin;

    /// <inheritdoc />
    public bool ArgumentsAreSecret => true;

    /// <inheritdoc />
    public async Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ru = request.Language == "ru";
        if (options.AlarmPanelEntity is not { } panel)
        {
            return new ChatReply(ru ? "Панель сигнализации не настроена (notify.alarm_panel)." : "No alarm panel is configured (notify.alarm_panel).");
        }

        var words = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mode = arm && words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        var code = words.Length > (arm ? 1 : 0) ? words[arm ? 1 : 0] : null;
        if (arm && !Modes.Contains(mode))
        {
            return new ChatReply(ru ? "Режим охраны:" : "Arm how?", [.. Modes.Select(m => ChatButton.Command(m, "arm " + m))]);
        }

        var service = arm ? "alarm_arm_" + mode : "alarm_disarm";
        var correlation = IAuditTrail.NewCorrelationId();
        try
        {
            var data = code is null ? null : new Dictionary<string, object?> { ["code"] = code };
            await ha.CallServiceAsync(new ServiceCall("alarm_control_panel", service, ServiceTarget.Entities(panel), data), cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceCallException ex)
        {
            audit.Record(new AuditEntry(timeProvider.GetUtcNow(), request.Actor, Name, panel, "telegram /" + Name, correlation, "failed: " + ex.Code));
            return new ChatReply((ru ? "Не вышло: " : "Failed: ") + ex.Message);
        }

        audit.Record(new AuditEntry(timeProvider.GetUtcNow(), request.Actor, Name, panel, "telegram /" + Name, correlation, "ok", service));
        return new ChatReply(ru ? $"Готово: {service}." : $"Done: {service}.");
    }
}
