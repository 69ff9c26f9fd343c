using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;

namespace QaBot.Core.Search;

/// <summary>The synonym file, read on first use and again by <see cref="Reload"/> when it changes.</summary>
public sealed class SynonymSource(IOptions<IndexOptions> options, QaBotPaths paths)
{
    private readonly System.Threading.Lock _gate = new();
    private Synonyms? _synonyms;

    /// <summary>The synonym file's full path.</summary>
    public string Path => paths.Resolve(options.Value.SynonymsPath);

    internal Synonyms Synonyms
    {
        get
        {
            var current = Volatile.Read(ref _synonyms);
            if (current is not null) return current;
            lock (_gate) return _synonyms ??= Synonyms.Load(Path);
        }
    }

    /// <summary>Reads the file again; questions asked from now on use it. A file that cannot be read or parsed throws and the previous synonyms stay.</summary>
    public void Reload()
    {
        var fresh = Synonyms.Load(Path);
        lock (_gate) _synonyms = fresh;
    }
}
