using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace QaBot.Core.Search;

/// <summary>
/// Finds the sentences that answer a question. Lucene gathers candidates with a query built in
/// code (user text is never parsed as query syntax); each is then scored by how much of the
/// question's weighted content it covers, in the sentence itself or, for less, in its paragraph
/// and section (read from stored terms, not searched).
/// </summary>
internal static class Retriever
{
    private const double ContextCredit = 0.4;

    /// <summary>
    /// A concept most sentences share (the documents' topic) counts in full from the paragraph:
    /// "Like any substance, there are potential risks" is about kratom because its paragraph is.
    /// </summary>
    private const double TopicShare = 0.25;
    private const double LuceneShare = 0.2;

    /// <summary>On a corpus of more documents than this, sentences are searched within the best this many.</summary>
    private const int DocumentsSearched = 10;

    /// <summary>How many of a question's wordings, the rarest, rank whole documents.</summary>
    private const int WordingsRankingDocuments = 3;

    /// <summary>
    /// How much a sentence that uses a question word exactly as written gains over one that only
    /// shares its stem ("stimulant" against "stimulates"), against concept weights of about 0.4 to 4.
    /// </summary>
    private const float ExactWordBoost = 0.3f;

    public static List<Candidate> Search(IndexSnapshot snapshot, IReadOnlyList<Concept> concepts, IReadOnlyCollection<string> exactWords, int candidates, bool allowBroader = true)
    {
        if (concepts.Count == 0) return [];
        Query query = BuildQuery(snapshot, concepts, exactWords);
        if (snapshot.Manifest.Documents.Count > DocumentsSearched) query = WithinBestDocuments(snapshot, concepts, query);
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
            found.Add(new Candidate(stored.Sentence, coverage, coverage + LuceneShare * hit.Score / top, hit.Score / top));
        }
        return found.OrderByDescending(c => c.Score).ToList();
    }

    /// <summary>
    /// On a corpus of many documents, the sentences are searched only within the documents that
    /// best match the question as wholes. A common word is in most documents but in far more
    /// sentences, so ranking documents first keeps the cost of a question nearly flat as the
    /// corpus grows; with few documents every sentence is searched, as before.
    /// </summary>
    private static Query WithinBestDocuments(IndexSnapshot snapshot, IReadOnlyList<Concept> concepts, Query sentences)
    {
        // Documents are told apart by their rarer words: only the question's rarest wordings rank them.
        var rarest = Searched(concepts)
            .SelectMany(c => c.Forms.Select((form, i) => (Concept: c, Form: form, Credit: c.Credits[i],
                Documents: form.Min(t => snapshot.TermStates(Fields.Document, t).DocFreq))))
            .Where(f => f.Documents > 0)
            .OrderBy(f => f.Documents)
            .Take(WordingsRankingDocuments);
        var documents = new BooleanQuery();
        foreach (var concept in rarest.GroupBy(f => f.Concept))
        {
            var best = new DisjunctionMaxQuery(0.1f);
            foreach (var f in concept) best.Add(Form(Fields.Document, f.Form, (float)(f.Concept.Weight * f.Credit)));
            documents.Add(best, Occur.SHOULD);
        }
        var files = new BooleanQuery();
        var leaves = snapshot.Reader.Leaves;
        var name = new BytesRef();
        foreach (var hit in snapshot.Searcher.Search(documents, DocumentsSearched).ScoreDocs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            leaf.AtomicReader.GetSortedDocValues(Fields.DocumentFile).Get(hit.Doc - leaf.DocBase, name);
            files.Add(new TermQuery(new Term(Fields.File, name.Utf8ToString())), Occur.SHOULD);
        }
        // The few sentences of the best documents lead; each question clause leaps to them.
        return new FilteredQuery(sentences, new QueryWrapperFilter(files), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
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
    public static IndexedSentence? SentenceAt(IndexSnapshot snapshot, string file, int ordinal) =>
        ordinal < 0 ? null : Stored(snapshot, Fields.KeyOf(file, ordinal))?.Sentence;

    /// <summary>The stored sentence with this key ("file#ordinal"), or null.</summary>
    public static StoredSentence? Stored(IndexSnapshot snapshot, string key)
    {
        var hits = snapshot.Searcher.Search(new TermQuery(new Term(Fields.Key, key)), 1).ScoreDocs;
        return hits.Length == 0 ? null : snapshot.Sentence(hits[0].Doc);
    }

    /// <summary>How much of the question a sentence found some other way covers, as <see cref="Search"/> scores it.</summary>
    public static double CoverageOf(IReadOnlyList<Concept> concepts, StoredSentence stored, bool allowBroader = true)
    {
        var total = concepts.Sum(c => c.Weight);
        return total <= 0 ? 0 : Coverage(concepts, stored.Terms, stored.ContextTerms, allowBroader) / total;
    }

    /// <summary>
    /// One clause per concept, plus the question's words exactly as written. Only the sentence
    /// field is searched, and words most sentences share (the documents' topic) are left to the
    /// coverage score when the question has rarer ones: their long postings would make every
    /// search cost as much as the whole corpus, and they tell sentences apart least.
    /// </summary>
    private static BooleanQuery BuildQuery(IndexSnapshot snapshot, IReadOnlyList<Concept> concepts, IReadOnlyCollection<string> exactWords)
    {
        var searched = Searched(concepts);
        var query = new BooleanQuery();
        foreach (var concept in searched) query.Add(ConceptQuery(concept, Fields.Text), Occur.SHOULD);
        var sentences = snapshot.SentenceCount;
        foreach (var word in exactWords.Take(concepts.Count))
        {
            var term = new Term(Fields.Surface, word);
            if (snapshot.Reader.DocFreq(term) < TopicShare * sentences || searched.Count == concepts.Count)
                query.Add(new TermQuery(term) { Boost = ExactWordBoost }, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>The concepts worth searching: all but the documents' topic words, unless nothing else is left.</summary>
    private static List<Concept> Searched(IReadOnlyList<Concept> concepts)
    {
        var searched = concepts.Where(c => c.Share < TopicShare).ToList();
        return searched.Count == 0 ? concepts.ToList() : searched;
    }

    /// <summary>A concept's best-matching wording scores it (a disjunction-max): saying it twice does not count twice.</summary>
    private static DisjunctionMaxQuery ConceptQuery(Concept concept, string field)
    {
        var best = new DisjunctionMaxQuery(0.1f);
        for (var i = 0; i < concept.Forms.Count; i++)
            best.Add(Form(field, concept.Forms[i], (float)(concept.Weight * concept.Credits[i])));
        return best;
    }

    private static Query Form(string field, string[] terms, float boost)
    {
        if (terms.Length == 1) return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        if (field == Fields.Document)
        {
            // Ranking whole documents needs no positions: all the words of the wording will do.
            var all = new BooleanQuery { Boost = boost };
            foreach (var term in terms) all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
            return all;
        }
        // Stop words leave position gaps in the index ("loss of hair"), hence the extra slop.
        var phrase = new PhraseQuery { Slop = TermSequence.Slop + 1, Boost = boost };
        foreach (var term in terms) phrase.Add(new Term(field, term));
        return phrase;
    }
}
