namespace ProofOfHeat.Modbus.Tests;

/// <summary>Waits (in real time, generously bounded) for something another thread does, e.g. a server receiving a request.</summary>
internal static class Until
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var bound = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < bound, $"waited 30 s for {what}");
            await Task.Delay(5);
        }
    }
}
