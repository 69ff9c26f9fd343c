using QaBot.Core.Answering;

namespace QaBot.Core.Training;

/// <summary>The shared scorer's rules: a first quote counts when it overlaps a gold sentence and is at most 600 characters.</summary>
internal static class Scoring
{
    public const int QuoteMax = 600;
    public const int QuoteMin = 30;

    public static string Fold(string s)
    {
        var t = s.ToLowerInvariant().Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            .Replace('\u2013', '-').Replace('\u2014', '-');
        return string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', ' ');
    }

    public static bool Overlaps(string quote, string gold)
    {
        var (q, g) = (Fold(quote), Fold(gold));
        return q.Length <= QuoteMax && (q.Contains(g, StringComparison.Ordinal) || (q.Length >= QuoteMin && g.Contains(q, StringComparison.Ordinal)));
    }

    /// <summary>Whether a sentence is one a gold answer names (either holds the other).</summary>
    public static bool IsGold(string sentence, IReadOnlyList<string> gold) => gold.Any(g => Overlaps(sentence, g));

    public static string StatusName(ReplyStatus status) => status == ReplyStatus.NotFound ? "not_found" : status.ToString().ToLowerInvariant();
}

/// <summary>Counts per kind of question, as the shared scorer reports them.</summary>
public sealed class ScoreCard
{
    public int Answered, AnsweredTop1, AnsweredTop3, NotFound, NotFoundRight, Emergency, EmergencyRight, Chitchat, ChitchatRight, FalseEmergency, Sides, SidesShown, Questions, QuestionsRight;

    public void Add(TrainingExample example, Reply reply)
    {
        var status = Scoring.StatusName(reply.Status);
        if (reply.Status == ReplyStatus.Emergency && example.Expect != "emergency") FalseEmergency++;
        switch (example.Expect)
        {
            case "answered":
                Answered++;
                if (reply.Status == ReplyStatus.Answered && reply.Quotes.Count > 0 && Scoring.IsGold(reply.Quotes[0].Text, example.Gold)) AnsweredTop1++;
                if (reply.Status == ReplyStatus.Answered && reply.Quotes.Take(3).Any(q => Scoring.IsGold(q.Text, example.Gold))) AnsweredTop3++;
                if (example.Sides is { Count: > 0 } sides)
                {
                    Sides++;
                    if (reply.Status == ReplyStatus.Answered && sides.All(side => reply.Quotes.Take(3).Any(q => Scoring.IsGold(q.Text, side)))) SidesShown++;
                }
                break;
            case "not_found": NotFound++; if (status == "not_found") NotFoundRight++; break;
            case "emergency": Emergency++; if (status == "emergency") EmergencyRight++; break;
            case "chitchat": Chitchat++; if (status == "chitchat") ChitchatRight++; break;
            default: Questions++; if (status is "answered" or "not_found") QuestionsRight++; break;
        }
    }

    public void Add(ScoreCard other)
    {
        foreach (var f in typeof(ScoreCard).GetFields()) f.SetValue(this, (int)f.GetValue(this)! + (int)f.GetValue(other)!);
    }

    private static string Part(string name, int right, int n) => n == 0 ? "" : $"{name} {right}/{n} ({(double)right / n:P0})";

    public override string ToString() => string.Join(", ", new[]
    {
        Part("answered@1", AnsweredTop1, Answered), Part("answered@3", AnsweredTop3, Answered), Part("both-sides", SidesShown, Sides),
        Part("not_found", NotFoundRight, NotFound), Part("emergency", EmergencyRight, Emergency), Part("chitchat", ChitchatRight, Chitchat),
        Part("look-alikes kept as questions", QuestionsRight, Questions), $"false-emergency {FalseEmergency}",
    }.Where(p => p.Length > 0));
}
