using System.Globalization;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Panel;
using ProofOfHeat.Apps.Alarm.Policy;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm.Chat;

/// <summary>
/// <c>/arm &lt;mode&gt; &lt;code&gt;</c> and <c>/disarm &lt;code&gt;</c> in the chat bot, on the brain's own alarm: the
/// code is checked by the alarm (as for the panel), never echoed, logged or audited, and the bot deletes the message
/// that held it (<see cref="ArgumentsAreSecret"/>). Only admins may run them. Wrong codes are limited per chat user
/// (<see cref="ChatCodeLimiter"/>) besides the alarm's own lockout; every attempt is audited by the alarm with the chat
/// user as the actor, and one the limiter stops before the alarm is audited here.
/// </summary>
public sealed class AlarmChatCommand(bool arm, AlarmRemote remote, ChatCodeLimiter limiter, AlarmOptions options, IAuditTrail audit, TimeProvider timeProvider) : IChatCommand
{
    /// <inheritdoc />
    public string Name => arm ? "arm" : "disarm";

    /// <inheritdoc />
    public string Description => arm ? "Arm the alarm: /arm <mode> <code>" : "Disarm the alarm: /disarm <code>";

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
        if (remote.App is not { } alarm)
        {
            return new ChatReply(ru ? "Сигнализация сейчас не работает." : "The alarm is not running.");
        }

        var words = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var modes = options.Modes.Keys.Select(m => m.ToString().ToLowerInvariant()).ToList();
        var mode = arm && words.Length > 0 ? words[0].ToLowerInvariant() : null;
        var code = words.Length > (arm ? 1 : 0) ? words[arm ? 1 : 0] : null;
        if (arm && (mode is null || !modes.Contains(mode)))
        {
            // Buttons cannot carry a code (callback data is visible to the chat), so they are offered only when arming needs none.
            return options.HasCode && options.CodeArmRequired
                ? new ChatReply(ru ? $"Отправьте /arm <режим> <код>; режимы: {string.Join(", ", modes)}." : $"Send /arm <mode> <code>; modes: {string.Join(", ", modes)}.")
                : new ChatReply(ru ? "Режим охраны:" : "Arm how?", [.. modes.Select(m => ChatButton.Command(m, "arm " + m))]);
        }

        if (code is not null && limiter.RefusedFor(request.Actor) is { } left)
        {
            audit.Record(new AuditEntry(timeProvider.GetUtcNow(), request.Actor, Name, AlarmPanelEntity.EntityId, "telegram /" + Name,
                IAuditTrail.NewCorrelationId(), "refused: too many wrong codes from this chat user"));
            var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
            return new ChatReply(ru ? $"Слишком много неверных кодов: попробуйте через {minutes} мин." : $"Too many wrong codes: try again in {minutes} min.");
        }

        var command = new MqttAlarmCommand(arm ? "ARM_" + mode!.ToUpperInvariant() : "DISARM", code);
        var decision = await alarm.HandleAsync(command, request.Actor, cancellationToken).ConfigureAwait(false);
        if (decision.Refusal == AlarmPolicy.WrongCode && code is not null)
        {
            limiter.Wrong(request.Actor);
        }
        else if (decision.Accepted && code is not null)
        {
            limiter.Right(request.Actor);
        }

        return decision.Refusal is { } refusal
            ? new ChatReply((ru ? "Отказано: " : "Refused: ") + refusal)
            : new ChatReply((ru ? "Сигнализация: " : "Alarm: ") + decision.After.HaState);
    }
}
