using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using QaBot.Ai;
using QaBot.Core.Hosting;

namespace QaBot.Cli;

/// <summary>The CLI's services: the answering core (and the model composer when AIServices names one), with warnings logged to standard error.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(string root, IConfiguration configuration) => new ServiceCollection()
        .AddSingleton(configuration)
        // Standard error only, so `ask --jsonl` output stays pure JSON lines.
        .AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
        .AddQaBotCore(root)
        .AddQaBotModel(configuration)
        .BuildServiceProvider();
}
