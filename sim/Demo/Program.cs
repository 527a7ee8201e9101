using System.Collections;
using ProofOfHeat.Demo;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;

// The demo is its own program so that the production brain (poh) carries no simulated house, simulators or demo
// code; it runs the same host library, with the same apps found the same way.
var environment = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
}

var context = new CliContext(
    Console.Out, Console.Error, environment, Directory.GetCurrentDirectory(), TimeProvider.System, AppCatalog.Shipped(), DemoProgram.Verbs);
return await CliApp.RunAsync(args, context, CancellationToken.None);
