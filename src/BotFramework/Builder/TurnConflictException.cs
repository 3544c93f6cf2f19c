namespace BotFramework.Builder;

/// <summary>
/// What the turn read was changed by another turn before it could save: the adapter runs the turn again on fresh
/// state (up to <see cref="BotAdapter.MaxTurnAttempts"/>), and nothing of the lost attempt is delivered.
/// </summary>
public abstract class TurnConflictException(string message, Exception? inner) : Exception(message, inner);
