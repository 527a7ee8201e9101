using System.Collections;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;

// First, before other threads allocate: one malloc arena (NativeHeap.LimitArenas says why).
NativeHeap.LimitArenas();

var environment = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
}

// Apps are found beside the host (and, once the config is read, in its plugins), never listed here.
var context = new CliContext(Console.Out, Console.Error, environment, Directory.GetCurrentDirectory(), TimeProvider.System, AppCatalog.Shipped());
return await CliApp.RunAsync(args, context, CancellationToken.None);
