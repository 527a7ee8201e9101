using System.Collections;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;

var environment = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
}

var schema = new AppOptionsSchema();
BrainComposition.DescribeApps(schema);
var context = new CliContext(Console.Out, Console.Error, environment, Directory.GetCurrentDirectory(), TimeProvider.System, schema);
return await CliApp.RunAsync(args, context, CancellationToken.None);
