namespace PolicyBot.Bot;

/// <summary>
/// What PolicyBot keeps about a user (user state, <c>{channelId}/users/{userId}</c>): choices and
/// progress only — never anything the user typed.
/// </summary>
public sealed class UserProfile
{
    /// <summary><c>fr</c> or <c>en</c> once the user chose; null follows Teams' locale.</summary>
    public string? Language { get; set; }
}
