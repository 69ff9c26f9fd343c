using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;

namespace QaBot.Core.Answering;

/// <summary>The emergency patterns file (Safety:EmergencyPatternsPath), read once; a malformed one fails the first answer loudly.</summary>
public sealed class EmergencyPatternSource(IOptions<SafetyOptions> options, QaBotPaths paths)
{
    private readonly Lazy<EmergencyPatterns> _patterns = new(() => EmergencyPatterns.Load(paths.Resolve(options.Value.EmergencyPatternsPath)));

    internal EmergencyPatterns Patterns => _patterns.Value;

    /// <summary>How many patterns are in use.</summary>
    public int Count => Patterns.Count;
}
