using Lucene.Net.Index;
using Lucene.Net.Search;

namespace QaBot.Core.Search;

/// <summary>
/// Finds the sentences that answer a question. Lucene gathers candidates with a query built in
/// code (user text is never parsed as query syntax); each is then scored by how much of the
/// question's weighted content it covers, in the sentence itself or, for less, in its paragraph
/// and section.
/// </summary>
internal static class Retriever
{
    private const float ContextBoost = 0.3f;
    private const double ContextCredit = 0.4;

    /// <summary>
    /// A concept most sentences share (the documents' topic) counts in full from the paragraph:
    /// "Like any substance, there are potential risks" is about kratom because its paragraph is.
    /// </summary>
    private const double TopicShare = 0.25;
    private const double LuceneShare = 0.2;

    /// <summary>
    /// How much a sentence that uses a question word exactly as written gains over one that only
    /// shares its stem ("stimulant" against "stimulates"), against concept weights of about 0.4 to 4.
    /// </summary>
    private const float ExactWordBoost = 0.3f;

    public static List<Candidate> Search(IndexSnapshot snapshot, IReadOnlyList<Concept> concepts, IReadOnlyCollection<string> exactWords, int candidates, bool allowBroader = true)
    {
        if (concepts.Count == 0) return [];
        var query = BuildQuery(concepts);
        foreach (var word in exactWords.Take(concepts.Count))
            query.Add(new TermQuery(new Term(Fields.Surface, word)) { Boost = ExactWordBoost }, Occur.SHOULD);
        var hits = snapshot.Searcher.Search(query, candidates).ScoreDocs;
        if (hits.Length == 0) return [];
        var total = concepts.Sum(c => c.Weight);
        var top = hits[0].Score;
        var found = new List<Candidate>(hits.Length);
        foreach (var hit in hits)
        {
            var stored = snapshot.Sentence(hit.Doc);
            var (own, context) = (stored.Terms, stored.ContextTerms);
            var coverage = Coverage(concepts, own, context, allowBroader) / total;
            found.Add(new Candidate(stored.Sentence, coverage, coverage + LuceneShare * hit.Score / top));
        }
        return found.OrderByDescending(c => c.Score).ToList();
    }

    /// <summary>
    /// The weight of the question's concepts a sentence covers: in full when the sentence holds
    /// them, in part from its paragraph and section. A broader term found for a narrower word
    /// ("heroin" as "opioid") counts only when the sentence itself holds every other weighty
    /// concept of the question: "heroin withdrawal" is "opioid withdrawal", but "alcohol
    /// withdrawal" is not answered by a sentence about "any substance" that never says withdrawal.
    /// </summary>
    private static double Coverage(IReadOnlyList<Concept> concepts, TermSequence own, TermSequence context, bool allowBroader)
    {
        var matches = concepts.Select(c => c.MatchIn(own)).ToArray();
        var covered = 0.0;
        for (var i = 0; i < concepts.Count; i++)
        {
            var match = matches[i];
            if (match > 0 && match < Synonyms.Equivalent && (!allowBroader || !HoldsTheRest(concepts, matches, i))) match = 0;
            var contextCredit = concepts[i].Share >= TopicShare ? 1.0 : ContextCredit;
            var inContext = concepts[i].MatchIn(context);
            if (!allowBroader && inContext < Synonyms.Equivalent) inContext = 0;
            covered += concepts[i].Weight * (match > 0 ? match : contextCredit * inContext);
        }
        return covered;
    }

    private static bool HoldsTheRest(IReadOnlyList<Concept> concepts, double[] matches, int except)
    {
        for (var j = 0; j < concepts.Count; j++)
            if (j != except && !concepts[j].IsLight && matches[j] == 0) return false;
        return true;
    }

    /// <summary>The stored sentence with this ordinal in this file, for merging neighbours; null past either end.</summary>
    public static IndexedSentence? SentenceAt(IndexSnapshot snapshot, string file, int ordinal)
    {
        if (ordinal < 0) return null;
        var hits = snapshot.Searcher.Search(new TermQuery(new Term(Fields.Key, Fields.KeyOf(file, ordinal))), 1).ScoreDocs;
        return hits.Length == 0 ? null : snapshot.Sentence(hits[0].Doc).Sentence;
    }

    /// <summary>
    /// One clause per concept, scoring its best-matching wording and field (a disjunction-max),
    /// so a sentence that says the same thing twice does not outrank one that says more.
    /// </summary>
    private static BooleanQuery BuildQuery(IReadOnlyList<Concept> concepts)
    {
        var query = new BooleanQuery();
        foreach (var concept in concepts)
        {
            var best = new DisjunctionMaxQuery(0.1f);
            for (var i = 0; i < concept.Forms.Count; i++)
            {
                var boost = (float)(concept.Weight * concept.Credits[i]);
                best.Add(Form(Fields.Text, concept.Forms[i], boost));
                best.Add(Form(Fields.Context, concept.Forms[i], boost * ContextBoost));
            }
            query.Add(best, Occur.SHOULD);
        }
        return query;
    }

    private static Query Form(string field, string[] terms, float boost)
    {
        if (terms.Length == 1) return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        // Stop words leave position gaps in the index ("loss of hair"), hence the extra slop.
        var phrase = new PhraseQuery { Slop = TermSequence.Slop + 1, Boost = boost };
        foreach (var term in terms) phrase.Add(new Term(field, term));
        return phrase;
    }
}
