using QaBot.Core.Hosting;
using QaBot.Core.Search;

namespace QaBot.Core.Answering;

/// <summary>The evidence chosen for a question: verbatim quotes in order, and whether they disagree.</summary>
/// <param name="Passages">The relevant sentences, best first, for a model composer to draft from.</param>
/// <param name="Sides">When the evidence disagrees, the passage ids that carry each side: any draft must quote them.</param>
internal sealed record Evidence(IReadOnlyList<Quote> Quotes, bool TwoSided, IReadOnlyList<Passage> Passages, IReadOnlyList<string> Sides);

/// <summary>
/// Chooses one to three sentences that answer a question and turns them into verbatim quotes:
/// the best passage first, the other sides when the documents answer it two ways (learned
/// answering), adjacent sentences merged, and a sentence that leans on the one before it
/// ("This interaction...") given it.
/// </summary>
internal sealed class ExtractiveComposer(AnsweringOptions options)
{
    /// <summary>How many of the best candidates lexical answering re-ranks by question shape.</summary>
    private const int ReRankWindow = 12;

    /// <summary>The least share of the best sentence's probability a sentence "tell me more" shows must have.</summary>
    private const double MoreShare = 0.01;

    /// <summary>Most sentences the learned answer and its "tell me more" pages quote in all.</summary>
    private const int MaxMore = 12;

    /// <summary>How many relevant passages a model composer is shown.</summary>
    private const int PassagesForDraft = 8;

    private static readonly string[] LeansOnPrevious =
        ["This ", "These ", "That ", "Those ", "It ", "Its ", "It\u2019s ", "It's ", "They ", "Their ", "Such ", "However", "Moreover", "Secondly", "Thirdly", "Finally", "Also", "Both "];

    /// <summary>Lexical answering: null when the best passage covers too little of the question to answer it.</summary>
    public Evidence? Compose(IndexSnapshot snapshot, QuestionShape shape, IReadOnlyList<Concept> concepts, IReadOnlyList<Candidate> ranked, int skip)
    {
        var relevant = ranked.Where(c => c.Coverage >= options.MinCoverage && shape.CanAnswer(c.Sentence.Text)).ToList();
        if (relevant.Count == 0) return null;
        var order = Order(shape, concepts, relevant);
        var quotes = Pages(snapshot, order).Skip(skip).Take(options.MaxQuotes).ToList();
        if (quotes.Count == 0) return null;
        return new Evidence(quotes, false, order.Take(PassagesForDraft).Select(PassageSearch.ToPassage).ToList(), []);
    }

    /// <summary>
    /// Quotes from sentences the learned ranker ordered. The first reply quotes the best and those
    /// the ranker gives at least <paramref name="share"/> of its probability; when the question is
    /// answered two ways (<paramref name="sides"/>, from the bank), the best sentence of each other
    /// side comes right after the first. "Tell me more" goes on down the ranking.
    /// </summary>
    public Evidence? ComposeRanked(IndexSnapshot snapshot, IReadOnlyList<Candidate> ranked, double share, int skip, IReadOnlyList<IReadOnlyList<string>>? sides)
    {
        if (ranked.Count == 0) return null;
        // Scores are log-odds: a share of the best one's probability is a fixed distance below it.
        // "Tell me more" goes on with whatever the ranker gives at least a hundredth of the best's.
        var top = ranked[0].Score;
        var order = ranked.Where(c => c.Score >= top + Math.Log(MoreShare)).Take(MaxMore).ToList();
        var first = Math.Clamp(order.Count(c => c.Score >= top + Math.Log(share)), 1, options.MaxQuotes);
        int SideOf(Candidate c) => SideOfSentence(sides, c.Sentence.Text);
        var representatives = new List<Candidate>();
        // The same order on every page, so "tell me more" continues where the first reply stopped.
        if (sides is { Count: > 1 })
        {
            var topSide = SideOf(order[0]);
            representatives = order.Skip(1).Where(c => SideOf(c) is var s && s >= 0 && s != topSide)
                .GroupBy(SideOf).Select(g => g.First()).Take(options.MaxQuotes - 1).ToList();
            if (representatives.Count > 0)
            {
                order = [order[0], .. representatives, .. order.Skip(1).Except(representatives)];
                first = Math.Max(first, 1 + representatives.Count);
            }
        }
        var quotes = Pages(snapshot, order).Skip(skip).Take(skip == 0 ? first : options.MaxQuotes).ToList();
        if (quotes.Count == 0) return null;
        var twoSided = representatives.Count > 0 && skip == 0;
        return new Evidence(quotes, twoSided, order.Take(PassagesForDraft).Select(PassageSearch.ToPassage).ToList(),
            twoSided ? new[] { order[0] }.Concat(representatives).Select(c => PassageSearch.ToPassage(c).Id).ToList() : []);
    }

    /// <summary>Which side (by index) a sentence stands on, or -1.</summary>
    private static int SideOfSentence(IReadOnlyList<IReadOnlyList<string>>? sides, string sentence)
    {
        if (sides is null) return -1;
        var key = Meaning.QuestionBank.Key(sentence);
        for (var i = 0; i < sides.Count; i++)
            if (sides[i].Any(g => Meaning.QuestionBank.Key(g) == key)) return i;
        return -1;
    }

    /// <summary>
    /// Every quote the ranked sentences give, page by page as "tell me more" shows them: each page
    /// takes the next sentences not yet quoted (up to the most quotes a reply holds) and merges
    /// neighbours, so <c>skip</c> counts quotes and a sentence is never quoted twice.
    /// </summary>
    private IEnumerable<Quote> Pages(IndexSnapshot snapshot, List<Candidate> order)
    {
        var quoted = new HashSet<(string File, int Ordinal)>();
        var produced = 0;
        while (true)
        {
            var chosen = order.Where(c => !quoted.Contains((c.Sentence.File, c.Sentence.Ordinal))).Take(options.MaxQuotes).ToList();
            if (chosen.Count == 0) yield break;
            var merged = new HashSet<Candidate>();
            foreach (var candidate in chosen)
            {
                if (!merged.Add(candidate)) continue;
                var run = new List<Candidate> { candidate };
                Extend(run, chosen, merged, options.FirstQuoteMaxChars);
                var (quote, context) = ToQuote(snapshot, run, first: produced++ == 0, quoted);
                quoted.UnionWith(run.Select(c => (c.Sentence.File, c.Sentence.Ordinal)));
                if (context is not null) quoted.Add((context.File, context.Ordinal));
                yield return quote;
            }
        }
    }

    /// <summary>The best few re-ranked by the shape of answer the question asks for, then the rest.</summary>
    private static List<Candidate> Order(QuestionShape shape, IReadOnlyList<Concept> concepts, List<Candidate> relevant)
    {
        var focus = concepts.Where(c => !c.IsLight).OrderByDescending(c => c.Weight).FirstOrDefault();
        return relevant.Take(ReRankWindow)
            .OrderByDescending(c => c.Score + shape.Bonus(c.Sentence.Text, focus))
            .Concat(relevant.Skip(ReRankWindow)).ToList();
    }

    /// <summary>
    /// Grows a run with chosen sentences that stand right before or after it in the same
    /// paragraph, while the quote stays within <paramref name="maxLength"/>; a neighbour that does
    /// not fit is quoted on its own.
    /// </summary>
    private static void Extend(List<Candidate> run, List<Candidate> chosen, HashSet<Candidate> merged, int maxLength)
    {
        var length = run[0].Sentence.Text.Length;
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var other in chosen.Where(o => !merged.Contains(o) && o.Sentence.File == run[0].Sentence.File && o.Sentence.Paragraph == run[0].Sentence.Paragraph))
            {
                if (length + 1 + other.Sentence.Text.Length > maxLength) continue;
                if (other.Sentence.Ordinal == run[0].Sentence.Ordinal - 1) run.Insert(0, other);
                else if (other.Sentence.Ordinal == run[^1].Sentence.Ordinal + 1) run.Add(other);
                else continue;
                length += 1 + other.Sentence.Text.Length;
                merged.Add(other);
                grew = true;
            }
        }
    }

    /// <summary>The run as one quote, with the sentence before it when its first sentence leans on it (and that one is not quoted yet).</summary>
    private (Quote Quote, IndexedSentence? Context) ToQuote(IndexSnapshot snapshot, List<Candidate> run, bool first, HashSet<(string File, int Ordinal)> quoted)
    {
        var head = run[0].Sentence;
        var text = string.Join(' ', run.Select(c => c.Sentence.Text));
        var previous = LeansOnPrevious.Any(p => head.Text.StartsWith(p, StringComparison.Ordinal)) && !quoted.Contains((head.File, head.Ordinal - 1))
            ? Retriever.SentenceAt(snapshot, head.File, head.Ordinal - 1) : null;
        if (previous is not null && (previous.Paragraph != head.Paragraph || previous.Text.Length + text.Length + 1 > options.FirstQuoteMaxChars))
            previous = null;
        if (previous is not null) text = previous.Text + " " + text;
        if (first && text.Length > options.FirstQuoteMaxChars) text = Shorten(text, options.FirstQuoteMaxChars);
        var where = previous ?? head;
        return (new Quote(text, head.Title, head.Section, run.Max(c => c.ReportedRelevance)) { Path = Quotes.PathOf(head.Title, head.Path), Page = where.Page }, previous);
    }

    /// <summary>A verbatim prefix ending at a clause boundary, for a sentence too long to quote whole.</summary>
    private static string Shorten(string text, int max)
    {
        var cut = text.LastIndexOfAny([',', ';', '\u2014'], max - 1);
        if (cut < max / 2) cut = text.LastIndexOf(' ', max - 1);
        return text[..Math.Max(cut, 1)].TrimEnd();
    }
}
