using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace QaBot.Web.Store;

/// <summary>The conversation store's registrations: one store, two backends.</summary>
internal static class StoreRegistration
{
    /// <summary>
    /// The Direct Line's conversations, the bot's conversation state and the token signing key: on
    /// Redis when ConnectionStrings:Redis is set, else in this process. The backend is chosen when the
    /// store is first used, not when registered, so every configuration source has been read by then.
    /// </summary>
    public static IServiceCollection AddQaBotStore(this IServiceCollection services)
    {
        services.AddOptions<ConversationStoreOptions>().BindConfiguration(ConversationStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new RedisConnection(RedisConnectionString(sp)!, sp.GetRequiredService<IOptions<ConversationStoreOptions>>()));
        services.AddSingleton<IConversationStore>(sp => OnRedis(sp) ? ActivatorUtilities.CreateInstance<RedisConversations>(sp) : ActivatorUtilities.CreateInstance<InProcessConversations>(sp));
        services.AddSingleton<IStorage>(sp => OnRedis(sp) ? ActivatorUtilities.CreateInstance<RedisState>(sp) : ActivatorUtilities.CreateInstance<InProcessState>(sp));
        services.AddSingleton<ITokenKeys>(sp => OnRedis(sp) ? ActivatorUtilities.CreateInstance<RedisTokenKeys>(sp) : new InProcessTokenKeys());
        return services;
    }

    private static string? RedisConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Redis") is { Length: > 0 } connection && !string.IsNullOrWhiteSpace(connection) ? connection : null;

    private static bool OnRedis(IServiceProvider services) => RedisConnectionString(services) is not null;
}
