namespace QaBot.Core.Hosting;

/// <summary>The project root every relative path in configuration is resolved against.</summary>
public sealed record QaBotPaths(string Root)
{
    public string Resolve(string path) => QaBotRoot.Resolve(Root, path);
}
