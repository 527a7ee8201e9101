namespace ProofOfHeat.Telemetry.Store;

/// <summary>A text field as recorded (alerts' messages, modes, commands): text is kept raw and never rolled up.</summary>
/// <param name="Time">When.</param>
/// <param name="Series">The series it belongs to.</param>
/// <param name="Text">The text.</param>
public sealed record TextEvent(DateTimeOffset Time, SeriesKey Series, string Text);
