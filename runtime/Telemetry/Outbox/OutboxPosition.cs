namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>A place in the outbox: a segment file's number and a byte offset in it (always at a line's start).</summary>
/// <param name="Segment">The segment's number (its file is <c>{Segment:D12}.ilp</c>).</param>
/// <param name="Offset">Bytes from the segment's start.</param>
public readonly record struct OutboxPosition(long Segment, long Offset) : IComparable<OutboxPosition>
{
    /// <inheritdoc />
    public int CompareTo(OutboxPosition other) =>
        Segment != other.Segment ? Segment.CompareTo(other.Segment) : Offset.CompareTo(other.Offset);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before or at <paramref name="right"/>.</summary>
    public static bool operator <=(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after or at <paramref name="right"/>.</summary>
    public static bool operator >=(OutboxPosition left, OutboxPosition right) => left.CompareTo(right) >= 0;
}
