using System.Diagnostics;
using System.Text;

namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>A child process's output, kept for failure messages, with a wait for a line that says it is ready.</summary>
internal sealed class OutputCapture
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Marker, TaskCompletionSource Seen)> _waiters = [];

    /// <summary>Everything written so far (stdout and stderr).</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Reads <paramref name="process"/>'s stdout and stderr; call before it starts.</summary>
    public void Attach(Process process)
    {
        process.StartInfo.RedirectStandardOutput = true;
        process.StartInfo.RedirectStandardError = true;
        process.StartInfo.UseShellExecute = false;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
    }

    /// <summary>Completes when a line containing <paramref name="marker"/> was written (before or after the call).</summary>
    public Task WaitForAsync(string marker)
    {
        lock (_text)
        {
            if (_text.ToString().Contains(marker, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((marker, seen));
            return seen.Task;
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Marker, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
