namespace QaBot.Core.Hosting;

/// <summary>
/// Finds the project root: the folder holding appsettings.json and index/. Every host resolves
/// relative paths from it, so the CLI, the web host and the tests agree wherever they start.
/// </summary>
public static class QaBotRoot
{
    /// <summary>Environment variable that names the root explicitly.</summary>
    public const string Variable = "QABOT_ROOT";

    /// <summary>The root, searched upward from the working directory and then from the binaries.</summary>
    public static string Find()
    {
        var named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named)) return System.IO.Path.GetFullPath(named);
        return Search(Directory.GetCurrentDirectory())
            ?? Search(AppContext.BaseDirectory)
            ?? Directory.GetCurrentDirectory();
    }

    /// <summary>A path from configuration, made absolute against the root.</summary>
    public static string Resolve(string root, string path) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(root, path));

    private static string? Search(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "appsettings.json"))
                && Directory.Exists(System.IO.Path.Combine(dir.FullName, "index")))
                return dir.FullName;
        }
        return null;
    }
}
