using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaBot.Cli;
using QaBot.Core.Hosting;

var root = QaBotRoot.Find();
using var services = new ServiceCollection()
    .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(ServiceCollectionExtensions.LoadConfiguration(root))
    // Logs go to standard error, so `ask --jsonl` output stays pure JSON lines.
    .AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
        .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
    .AddQaBotCore(root)
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
return await Commands.RunAsync(args, services, Console.In, Console.Out, Console.Error);
