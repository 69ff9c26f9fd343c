namespace QaBot.Core.Tests;

/// <summary>A temporary documents folder holding the article and a temporary index folder, for tests of the index on disk.</summary>
public abstract class IndexFolders : IDisposable
{
    protected IndexFolders()
    {
        Documents = Path.Combine(Work, "documents");
        Index = Path.Combine(Work, "lucene");
        Directory.CreateDirectory(Documents);
        File.Copy(Path.Combine(TestCorpus.Documents, "kratom-opioid-withdrawal.txt"), Path.Combine(Documents, "kratom-opioid-withdrawal.txt"));
    }

    protected string Work { get; } = TestCorpus.NewTempFolder();

    protected string Documents { get; }

    protected string Index { get; }

    /// <summary>The folder of the generation CURRENT names.</summary>
    protected string Live() => Path.Combine(Index, File.ReadAllText(Path.Combine(Index, "CURRENT")).Trim());

    public void Dispose()
    {
        Directory.Delete(Work, recursive: true);
        GC.SuppressFinalize(this);
    }
}
