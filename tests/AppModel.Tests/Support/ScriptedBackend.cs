using System.Collections.Concurrent;
using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.AppModel.Tests.Support;

/// <summary>A backend the test drives by hand: connect, push changes, disconnect; records service calls.</summary>
internal sealed class ScriptedBackend : IHomeBackend
{
    private readonly TaskCompletionSource<IHomeStateSink> _sink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "scripted";

    public ConcurrentQueue<ServiceCall> Calls { get; } = new();

    public Func<ServiceCall, JsonElement?>? OnCall { get; set; }

    public Task<IHomeStateSink> SinkReady => _sink.Task;

    public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
    {
        _sink.TrySetResult(sink);
        await Task.WhenAny(_failure.Task, Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_failure.Task.IsCompleted)
        {
            throw await _failure.Task;
        }
    }

    /// <summary>Makes <see cref="RunAsync"/> end with <paramref name="error"/>, as a backend that gives up for good.</summary>
    public void Fail(Exception error) => _failure.TrySetResult(error);

    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        Calls.Enqueue(serviceCall);
        return Task.FromResult(OnCall?.Invoke(serviceCall));
    }

    public static EntityState State(string id, string state, int minute) =>
        EntityState.Create(id, state, new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero).AddMinutes(minute));

    public static StateChange Change(string id, string from, string to, int minute) =>
        new(id, State(id, from, minute - 1), State(id, to, minute));
}
