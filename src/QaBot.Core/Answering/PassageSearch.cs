using Microsoft.Extensions.Options;
using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>The same retrieval the extractive composer uses, handing out passages with ids.</summary>
public sealed class PassageSearch(IndexStore index, IOptions<AnsweringOptions> options, SynonymSource synonyms) : IPassageSearch
{
    public IReadOnlyList<Passage> Search(string query, int max)
    {
        using var snapshot = index.Acquire();
        var text = Concept.Mend(QuestionText.Normalize(query, options.Value.MaxQuestionChars), snapshot, synonyms.Synonyms);
        var concepts = Concept.Parse(text, snapshot, synonyms.Synonyms, options.Value.MaxQueryTerms);
        return Retriever.Search(snapshot, concepts, QuestionTerms.ContentWords(text), Math.Clamp(max, 1, options.Value.Candidates))
            .Take(Math.Max(1, max)).Select(ToPassage).ToList();
    }

    public Passage? Find(string id)
    {
        var hash = id.LastIndexOf('#');
        if (hash <= 0 || !int.TryParse(id.AsSpan(hash + 1), out var ordinal)) return null;
        using var snapshot = index.Acquire();
        var sentence = Retriever.SentenceAt(snapshot, id[..hash], ordinal);
        return sentence is null ? null : new Passage(id, sentence.Text, sentence.Title, sentence.Section, 0) { Path = sentence.Path, Page = sentence.Page };
    }

    internal static Passage ToPassage(Candidate c) => new(
        Fields.KeyOf(c.Sentence.File, c.Sentence.Ordinal), c.Sentence.Text, c.Sentence.Title, c.Sentence.Section,
        c.ReportedRelevance) { Path = c.Sentence.Path, Page = c.Sentence.Page };
}
