using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Reminders;

namespace ProofOfHeat.Apps.Alarm;

/// <summary>Reminders of doors, windows, locks and garages left open on leaving and at night, and their actions.</summary>
public sealed partial class AlarmApp
{
    private readonly ConcurrentDictionary<string, byte> _reminded = new(StringComparer.Ordinal);
    private bool? _someoneHome;

    /// <summary>Raises a warning for everything open or unlocked now; each is resolved when it is closed or locked.</summary>
    private async Task RemindAsync(string occasion, CancellationToken cancellationToken)
    {
        foreach (var reminder in ReminderPolicy.Due(_options.Reminders, _ha.GetState))
        {
            _reminded[reminder.EntityId] = 0;
            await RaiseAsync(ReminderPolicy.Alert(reminder, occasion), IAuditTrail.NewCorrelationId(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnReminderStateAsync(StateChange change, CancellationToken cancellationToken)
    {
        if (_reminded.ContainsKey(change.EntityId) && ReminderPolicy.IsSettled(change.EntityId, change.New))
        {
            _reminded.TryRemove(change.EntityId, out _);
            if (_alerts is not null)
            {
                await _alerts.ResolveAsync(Reminder.KeyPrefix + change.EntityId, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_options.Reminders.Presence.Contains(change.EntityId, StringComparer.Ordinal))
        {
            var before = _someoneHome;
            _someoneHome = ReminderPolicy.SomeoneHome(_options.Reminders.Presence, _ha.GetState);
            if (before == true && _someoneHome == false)
            {
                await RemindAsync("on leaving", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A person pressed one of this app's alert actions: close the garage, lock, or silence the sirens.</summary>
    private async Task OnAlertActionAsync(AlertActionInvoked invoked, CancellationToken cancellationToken)
    {
        var correlation = IAuditTrail.NewCorrelationId();
        var entity = Reminder.EntityOf(invoked.Alert.Key);
        switch (invoked.ActionId)
        {
            case "close_garage" when entity?.StartsWith("cover.", StringComparison.Ordinal) == true:
                await CallAsync("cover", "close_cover", entity, $"alert action: {invoked.Alert.Key}", invoked.By, correlation, cancellationToken).ConfigureAwait(false);
                break;
            case "lock" when entity?.StartsWith("lock.", StringComparison.Ordinal) == true:
                await CallAsync("lock", "lock", entity, $"alert action: {invoked.Alert.Key}", invoked.By, correlation, cancellationToken).ConfigureAwait(false);
                break;
            case "silence_siren" when invoked.Alert.Key == IntrusionKey:
                await Task.WhenAll(_options.Sirens.Select(s => CallAsync(AlarmSirens.SirenDomain(s)!, "turn_off", s, "alert action: silence siren", invoked.By, correlation, cancellationToken))).ConfigureAwait(false);
                break;
            default:
                LogUnknownAction(_logger, invoked.ActionId, invoked.Alert.Key);
                break;
        }
    }

    /// <summary>Schedules the nightly check at the next <c>night_at</c> in the home's local time.</summary>
    private void ScheduleNight()
    {
        _night?.Dispose();
        if (_options.Reminders.NightTime is not { } at || !_options.Reminders.Any)
        {
            return;
        }

        _night = _scheduler.RunAt(NextLocal(at), async ct =>
        {
            await RemindAsync("at night", ct).ConfigureAwait(false);
            ScheduleNight();
        });
    }

    /// <summary>The next moment after now when the local clock reads <paramref name="at"/>.</summary>
    private DateTimeOffset NextLocal(TimeOnly at)
    {
        var zone = _time.LocalTimeZone;
        var now = _time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var day = 0; day < 3; day++)
        {
            var wall = local.Date.AddDays(day) + at.ToTimeSpan();
            if (zone.IsInvalidTime(wall))
            {
                continue; // a clock change skipped this time today
            }

            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > now)
            {
                return candidate;
            }
        }

        return now.AddDays(1);
    }
}
