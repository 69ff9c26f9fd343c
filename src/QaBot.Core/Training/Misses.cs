using System.Text.Json;
using QaBot.Core.Answering;

namespace QaBot.Core.Training;

/// <summary>Every wrong reply, one JSON line each, for reading what the models get wrong.</summary>
internal static class Misses
{
    public static void Write(string path, IEnumerable<(PreparedExample Example, Reply Reply)> replies)
    {
        using var writer = new StreamWriter(path);
        foreach (var (e, reply) in replies)
        {
            var ex = e.Example;
            var status = Scoring.StatusName(reply.Status);
            var right = ex.Expect switch
            {
                "answered" => reply.Status == ReplyStatus.Answered && reply.Quotes.Count > 0 && Scoring.IsGold(reply.Quotes[0].Text, ex.Gold),
                "question" => status is "answered" or "not_found",
                _ => status == ex.Expect,
            };
            if (right) continue;
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                source = ex.Source, question = ex.Question, expect = ex.Expect, kind = ex.Kind, got = status,
                first = reply.Quotes.FirstOrDefault()?.Text, gold = ex.Gold.Take(3),
            }));
        }
    }
}
