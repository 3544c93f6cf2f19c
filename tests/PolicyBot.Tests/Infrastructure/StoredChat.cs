using System.Text.Json.Nodes;
using BotFramework.State;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A personal chat's state as the bot stores it: a part of her user document (<c>msteams/users/{id}</c>, under
/// <see cref="BotState.PartsProperty"/>, named by the chat's id; <see cref="ConversationState.KeepPersonalConversationsIn"/>),
/// not a document of its own. Channel threads and group chats keep their own documents (<see cref="ConversationState.KeyFor"/>).
/// </summary>
public static class StoredChat
{
    public static string UserKey(string userId) => $"msteams/users/{userId}";

    /// <summary>The chat's state and the ETag of the document that holds it; null when none is stored.</summary>
    public static async Task<(JsonObject State, string ETag)?> ReadAsync(IStorage storage, string userId, string conversationId)
    {
        var key = UserKey(userId);
        var found = await storage.ReadAsync([key]);
        if (!found.TryGetValue(key, out var stored) || stored.Document[BotState.PartsProperty]?[conversationId] is not JsonObject part) return null;
        return (part, stored.ETag!);
    }

    /// <summary>The ids of the activities the chat recorded as handled (<see cref="DeduplicationMiddleware"/>); empty when none is stored.</summary>
    public static async Task<List<string>> HandledAsync(IStorage storage, string userId, string conversationId) =>
        await ReadAsync(storage, userId, conversationId) is { } chat && chat.State[DeduplicationMiddleware.PropertyName] is JsonArray ids
            ? [.. ids.Select(id => (string)id!)]
            : [];
}
