using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Core.Answering;

/// <summary>The reply contract's JSON shape, shared by every host so the wire format cannot drift.</summary>
public static class ReplyJson
{
    /// <summary>camelCase members, snake_case statuses ("not_found"), no indentation.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the contract's conventions to options a host already owns.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter<ReplyStatus>(JsonNamingPolicy.SnakeCaseLower));
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>A status as the wire writes it ("not_found").</summary>
    public static string StatusName(ReplyStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>One reply as one line of JSON.</summary>
    public static string Serialize(Reply reply) => JsonSerializer.Serialize(reply, Options);
}
