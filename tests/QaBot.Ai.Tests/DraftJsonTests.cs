using QaBot.Core.Answering;

namespace QaBot.Ai.Tests;

/// <summary>Reading the model's JSON: forgiving of wrapping, strict about content.</summary>
public sealed class DraftJsonTests
{
    [Theory]
    [InlineData("{\"lead_in\": \"The article says:\", \"quotes\": [{\"id\": \"a.txt#1\"}, {\"id\": \"a.txt#2\", \"span\": \"part of it\"}]}")]
    [InlineData("```json\n{\"lead_in\": \"The article says:\", \"quotes\": [{\"id\": \"a.txt#1\"}, {\"id\": \"a.txt#2\", \"span\": \"part of it\"}]}\n```")]
    [InlineData("Here you go: {\"leadIn\": \"The article says:\", \"citations\": [{\"id\": \"[a.txt#1]\"}, {\"id\": \"a.txt#2\", \"quote\": \"part of it\",}]} Hope it helps.")]
    public void TheAskedForObjectIsReadHoweverItIsWrapped(string answer)
    {
        var draft = DraftJson.Parse(answer);
        Assert.Equal("The article says:", draft.LeadIn);
        Assert.Equal([new Citation("a.txt#1"), new Citation("a.txt#2", "part of it")], draft.Citations);
    }

    [Fact]
    public void IdsMayBeGivenAsPlainStrings()
    {
        var draft = DraftJson.Parse("{\"quotes\": [\"a.txt#3\", \"a.txt#4\"]}");
        Assert.Equal("", draft.LeadIn);
        Assert.Equal(["a.txt#3", "a.txt#4"], draft.Citations.Select(c => c.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Kratom may help with withdrawal.")]
    [InlineData("{\"lead_in\": \"x\", \"quotes\": [")]
    [InlineData("{\"lead_in\": \"x\"}")]
    [InlineData("{\"lead_in\": 3, \"quotes\": [\"a.txt#1\"]}")]
    [InlineData("{\"lead_in\": \"x\", \"quotes\": [{\"span\": \"invented\"}]}")]
    [InlineData("{\"lead_in\": \"x\", \"quotes\": [42]}")]
    [InlineData("[\"a.txt#1\"]")]
    public void AnythingElseIsAFormatError(string? answer) => Assert.Throws<FormatException>(() => DraftJson.Parse(answer));
}
