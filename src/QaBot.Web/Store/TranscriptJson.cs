using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using QaBot.Web.DirectLine;

namespace QaBot.Web.Store;

/// <summary>
/// Activities as both stores keep them: JSON without an id, to which the store prepends the id it
/// numbers the activity with, so numbering and keeping are one step (one script on Redis).
/// </summary>
internal static class TranscriptJson
{
    /// <summary>An activity's id in a conversation: the conversation's id and the activity's number.</summary>
    public static string Id(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The activity as JSON, without its id.</summary>
    public static string WithoutId(Activity activity)
    {
        var id = activity.Id;
        activity.Id = null;
        try { return JsonConvert.SerializeObject(activity, ActivityJson.Settings); }
        finally { activity.Id = id; }
    }

    /// <summary>The JSON with the id first (an activity always has a type, so the object is never empty).</summary>
    public static byte[] Numbered(string id, string withoutId) =>
        Encoding.UTF8.GetBytes("{\"id\":" + JsonConvert.ToString(id) + "," + withoutId[1..]);
}
