using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace QaBot.Web.DirectLine;

/// <summary>Activities on the wire: the Bot Framework's own Newtonsoft contract.</summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    /// <summary>The activity in a body, or null when the body is not one.</summary>
    public static Activity? Read(byte[] body)
    {
        try { return JsonConvert.DeserializeObject<Activity>(System.Text.Encoding.UTF8.GetString(body), Settings); }
        catch (JsonException) { return null; }
    }

    public static Activity Clone(Activity activity) =>
        JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity, Settings), Settings)!;
}
