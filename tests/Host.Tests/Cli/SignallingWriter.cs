namespace ProofOfHeat.Host.Tests.Cli;

/// <summary>
/// A StringWriter that completes <see cref="Seen"/> once a whole written line contains a marker.
/// StringWriter's string and async overloads append directly, not through Write(char), so each
/// overload the launcher may use checks the text written so far.
/// </summary>
internal sealed class SignallingWriter(string marker) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check();
    }

    public override async Task WriteAsync(string? value)
    {
        await base.WriteAsync(value);
        Check();
    }

    public override async Task WriteLineAsync(string? value)
    {
        await base.WriteLineAsync(value);
        Check();
    }

    private void Check()
    {
        var text = ToString();
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && text.IndexOf('\n', at) > at)
        {
            _seen.TrySetResult();
        }
    }
}
