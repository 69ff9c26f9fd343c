using Microsoft.Extensions.Logging;

namespace QaBot.Ai;

/// <summary>
/// The host's loggers for the kernel, less one thing: Semantic Kernel's error for a failed
/// function call, logged with its whole stack. The core already logs each failure once, as a
/// fallback with its reason; the rest of the kernel's logs (and everything below Error) pass.
/// </summary>
internal sealed class KernelLoggers(ILoggerFactory host) : ILoggerFactory
{
    private const string FunctionCategory = "Microsoft.SemanticKernel.KernelFunction";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = host.CreateLogger(categoryName);
        return categoryName.StartsWith(FunctionCategory, StringComparison.Ordinal) ? new BelowErrors(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => host.AddProvider(provider);

    /// <summary>The host owns its factory.</summary>
    public void Dispose()
    {
    }

    private sealed class BelowErrors(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel < LogLevel.Error && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
