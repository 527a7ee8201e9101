namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>
/// A profile's week, compiled once from its blocks and exceptions: which preset is in force at a local time.
/// Pure and immutable. Local times come from <see cref="PresetAt(DateTimeOffset, TimeZoneInfo)"/>, which converts
/// a UTC instant with the zone's rules, so a DST change moves the blocks with the wall clock.
/// </summary>
public sealed class WeeklySchedule
{
    private readonly IReadOnlyList<CompiledBlock> _blocks;
    private readonly IReadOnlyList<CompiledException> _exceptions;

    private WeeklySchedule(HeatingPreset defaultPreset, IReadOnlyList<CompiledBlock> blocks, IReadOnlyList<CompiledException> exceptions)
    {
        DefaultPreset = defaultPreset;
        _blocks = blocks;
        _exceptions = exceptions;
    }

    /// <summary>The preset outside every block.</summary>
    public HeatingPreset DefaultPreset { get; }

    /// <summary>Compiles a schedule; throws <see cref="ArgumentException"/> naming the bad entry.</summary>
    /// <param name="defaultPreset">The preset outside every block.</param>
    /// <param name="blocks">The blocks; later ones win where they overlap.</param>
    /// <param name="exceptions">Dated exceptions; later ones win where they overlap.</param>
    /// <param name="what">Names the schedule in errors (e.g. <c>profile 'home'</c>).</param>
    public static WeeklySchedule Compile(
        string defaultPreset, IEnumerable<ScheduleBlock> blocks, IEnumerable<ScheduleHoliday> exceptions, string what)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(exceptions);
        var compiledBlocks = blocks.Select((b, i) => CompileBlock(b, $"{what}, schedule[{i}]")).ToList();
        var compiledExceptions = exceptions.Select((e, i) => CompileException(e, $"{what}, exceptions[{i}]")).ToList();
        return new WeeklySchedule(HeatingPresetNames.Parse(defaultPreset, $"{what}, default_preset"), compiledBlocks, compiledExceptions);
    }

    /// <summary>The preset in force at the instant <paramref name="at"/>, seen on the wall clock of <paramref name="zone"/>.</summary>
    public HeatingPreset PresetAt(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return PresetAt(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }

    /// <summary>The preset in force at a local wall-clock time.</summary>
    public HeatingPreset PresetAt(DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        if (ExceptionOn(today) is { } exception)
        {
            return exception.Preset ?? FromBlocks(exception.Like!.Value, time, includeYesterday: false) ?? DefaultPreset;
        }

        var yesterday = today.AddDays(-1);
        var fromYesterday = ExceptionOn(yesterday) is null;
        return FromBlocks(local.DayOfWeek, time, fromYesterday) ?? DefaultPreset;
    }

    private HeatingPreset? FromBlocks(DayOfWeek day, TimeSpan time, bool includeYesterday)
    {
        var previous = (DayOfWeek)(((int)day + 6) % 7);
        HeatingPreset? found = null;
        foreach (var block in _blocks)
        {
            var wraps = block.To <= block.From;
            var today = block.Days.Contains(day)
                && (wraps ? time >= block.From : time >= block.From && time < block.To);
            var spill = includeYesterday && wraps && block.Days.Contains(previous) && time < block.To;
            if (today || spill)
            {
                found = block.Preset;
            }
        }

        return found;
    }

    private CompiledException? ExceptionOn(DateOnly date) =>
        _exceptions.LastOrDefault(e => date >= e.From && date <= e.Until);

    private static CompiledBlock CompileBlock(ScheduleBlock block, string what)
    {
        ArgumentNullException.ThrowIfNull(block);
        var from = ScheduleText.ParseTime(block.From, $"{what}.from");
        var to = ScheduleText.ParseTime(block.To, $"{what}.to", allowEndOfDay: true);
        return new CompiledBlock(
            ScheduleText.ParseDays(block.Days, $"{what}.days"), from, to, HeatingPresetNames.Parse(block.Preset, $"{what}.preset"));
    }

    private static CompiledException CompileException(ScheduleHoliday exception, string what)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var from = ScheduleText.ParseDate(exception.Date, $"{what}.date");
        var until = exception.Until is null ? from : ScheduleText.ParseDate(exception.Until, $"{what}.until");
        if (until < from)
        {
            throw new ArgumentException($"{what}: until {until:yyyy-MM-dd} is before date {from:yyyy-MM-dd}.");
        }

        if ((exception.Preset is null) == (exception.Like is null))
        {
            throw new ArgumentException($"{what}: give either preset (one preset all day) or like (a weekday's blocks), not both or neither.");
        }

        return exception.Preset is { } preset
            ? new CompiledException(from, until, HeatingPresetNames.Parse(preset, $"{what}.preset"), null)
            : new CompiledException(from, until, null, ScheduleText.ParseDay(exception.Like, $"{what}.like"));
    }

    private sealed record CompiledBlock(IReadOnlySet<DayOfWeek> Days, TimeSpan From, TimeSpan To, HeatingPreset Preset);

    private sealed record CompiledException(DateOnly From, DateOnly Until, HeatingPreset? Preset, DayOfWeek? Like);
}
