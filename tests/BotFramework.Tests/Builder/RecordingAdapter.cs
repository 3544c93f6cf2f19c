using System.Threading.Channels;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.Testing;

namespace BotFramework.Tests.Builder;

/// <summary>
/// A <see cref="TestAdapter"/> that also reports every delivery as it happens, so a test can wait for
/// an activity sent while a turn is still running; <see cref="FailTyping"/> makes typing sends throw.
/// </summary>
public sealed class RecordingAdapter(ConversationReference? conversation = null, IEnumerable<IMiddleware>? middleware = null)
    : TestAdapter(conversation, middleware)
{
    private readonly Channel<Activity> _deliveries = Channel.CreateUnbounded<Activity>();

    public bool FailTyping { get; set; }

    public int TypingAttempts => Volatile.Read(ref _typingAttempts);

    private int _typingAttempts;

    /// <summary>The next activity handed to the adapter for delivery (typing included), failing the test after ten seconds.</summary>
    public async Task<Activity> NextDeliveryAsync() =>
        await _deliveries.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasPendingDelivery => _deliveries.Reader.TryPeek(out _);

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Typing) Interlocked.Increment(ref _typingAttempts);
            _deliveries.Writer.TryWrite(activity);
        }
        if (FailTyping && activities.Any(a => a.Type == ActivityTypes.Typing))
        {
            throw new HttpRequestException("The Connector is unreachable.");
        }
        return base.SendActivitiesAsync(turnContext, activities, cancellationToken);
    }
}
