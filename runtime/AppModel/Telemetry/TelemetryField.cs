namespace ProofOfHeat.AppModel.Telemetry;

/// <summary>One field of a telemetry point: a name and a typed value (no boxing).</summary>
public readonly record struct TelemetryField
{
    private TelemetryField(string name, TelemetryFieldKind kind, double number, long integer, string? text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        DoubleValue = number;
        LongValue = integer;
        TextValue = text;
    }

    /// <summary>The field's name (a column).</summary>
    public string Name { get; }

    /// <summary>Which of the values holds.</summary>
    public TelemetryFieldKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="TelemetryFieldKind.Real"/>.</summary>
    public double DoubleValue { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="TelemetryFieldKind.Whole"/>, or 1/0 for <see cref="TelemetryFieldKind.Boolean"/>.</summary>
    public long LongValue { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="TelemetryFieldKind.Text"/>.</summary>
    public string? TextValue { get; }

    /// <summary>A float field.</summary>
    public static TelemetryField Of(string name, double value) => new(name, TelemetryFieldKind.Real, value, 0, null);

    /// <summary>An integer field.</summary>
    public static TelemetryField Of(string name, long value) => new(name, TelemetryFieldKind.Whole, 0, value, null);

    /// <summary>A boolean field.</summary>
    public static TelemetryField Of(string name, bool value) => new(name, TelemetryFieldKind.Boolean, 0, value ? 1 : 0, null);

    /// <summary>A text field.</summary>
    public static TelemetryField Of(string name, string value) =>
        new(name, TelemetryFieldKind.Text, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));
}
