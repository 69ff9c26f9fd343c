using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;

namespace QaBot.Core.Search;

/// <summary>The synonym file, read once at start-up.</summary>
public sealed class SynonymSource(IOptions<IndexOptions> options, QaBotPaths paths)
{
    private readonly Lazy<Synonyms> _synonyms = new(() => Synonyms.Load(paths.Resolve(options.Value.SynonymsPath)));

    internal Synonyms Synonyms => _synonyms.Value;
}
