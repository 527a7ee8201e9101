using System.Text;

namespace ProofOfHeat.Host.Tests.Cli;

/// <summary>A StringWriter that completes <see cref="Seen"/> when a written line contains a marker.</summary>
internal sealed class SignallingWriter(string marker) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _line = new();

    public Task Seen => _seen.Task;

    public override void Write(char value)
    {
        base.Write(value);
        lock (_line)
        {
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }

            if (_line.ToString().Contains(marker, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }

            _line.Clear();
        }
    }
}
