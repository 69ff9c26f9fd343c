using QaBot.Cli;
using QaBot.Core.Hosting;

var root = QaBotRoot.Find();
if (!File.Exists(Path.Combine(root, "appsettings.json")))
{
    await Console.Error.WriteLineAsync($"qabot: no appsettings.json found in {root} or above; run qabot from the project folder or set {QaBotRoot.Variable}.");
    return 78;
}
using var services = CliServices.Build(root, ServiceCollectionExtensions.LoadConfiguration(root));
return await Commands.RunAsync(args, services, Console.In, Console.Out, Console.Error);
