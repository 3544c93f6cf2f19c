using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using PolicyBot.Cards;

namespace PolicyBot.Conversation;

/// <summary>A message route's handler: true when it answered, false to leave the message to the rest of the bot.</summary>
public delegate Task<bool> MessageRoute(DialogContext dc, CancellationToken cancellationToken);

/// <summary>An <c>Action.Execute</c> verb's handler: the Universal Actions response.</summary>
public delegate Task<AdaptiveCardInvokeResponse> ExecuteRoute(ITurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken);

/// <summary>An invoke's handler (by invoke name): the body of the invoke response.</summary>
public delegate Task<object?> InvokeRoute(ITurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// Every way in, in one place: typed command words (French and English), typed commands that carry words,
/// card buttons by their <c>action</c> (and answers by the shape of their data), <c>Action.Execute</c> verbs,
/// invoke names and the free-text fallback. Each feature registers its own (<see cref="IFeature"/>), with the
/// conditions it needs (<see cref="RouteConditions"/>); a word, action, verb or name registered twice stops
/// the bot at start. The dispatch order around it (danger first, then commands, the running dialog, then
/// free text) is the handler's.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, Route> _words = new(StringComparer.Ordinal);
    private readonly List<(Func<ITurnContext, bool> Matches, Route Route)> _texts = [];
    private readonly List<(Func<DialogContext, JsonElement, bool> Matches, Route Route)> _shapes = [];
    private readonly Dictionary<string, Route> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecuteRoute> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InvokeRoute> _invokes = new(StringComparer.Ordinal);
    private readonly List<Dialog> _dialogs = [];
    private MessageRoute? _freeText;

    public RouteTable(IEnumerable<IFeature> features)
    {
        foreach (var feature in features) feature.MapRoutes(this);
    }

    /// <summary>The dialogs the features run, for the bot's dialog set.</summary>
    public IReadOnlyList<Dialog> Dialogs => _dialogs;

    /// <summary>Whole messages that are these words, ignoring case, accents and end punctuation (<see cref="CommandText.Normalize"/>).</summary>
    public RouteTable OnCommand(IEnumerable<string> words, MessageRoute handler, params RouteCondition[] conditions)
    {
        foreach (var word in words)
        {
            var key = CommandText.Normalize(word);
            if (!_words.TryAdd(key, new Route(handler, conditions))) throw new InvalidOperationException($"The command word \"{key}\" is routed twice.");
        }
        return this;
    }

    /// <summary>A typed command recognised by <paramref name="matches"/> (one that carries words, such as <c>post &lt;topic&gt;</c>).</summary>
    public RouteTable OnText(Func<ITurnContext, bool> matches, MessageRoute handler, params RouteCondition[] conditions)
    {
        _texts.Add((matches, new Route(handler, conditions)));
        return this;
    }

    /// <summary>A card click recognised by the shape of its data (an answer carries <c>choice</c>, not <c>action</c>); tried before actions, in registration order.</summary>
    public RouteTable OnSubmit(Func<DialogContext, JsonElement, bool> matches, MessageRoute handler)
    {
        _shapes.Add((matches, new Route(handler, [])));
        return this;
    }

    /// <summary>A card click whose data carries <c>"action": name</c> (<see cref="CardActions"/>).</summary>
    public RouteTable OnAction(string action, MessageRoute handler, params RouteCondition[] conditions)
    {
        if (!_actions.TryAdd(action, new Route(handler, conditions))) throw new InvalidOperationException($"The card action \"{action}\" is routed twice.");
        return this;
    }

    /// <summary>An <c>Action.Execute</c> (a click or a card's automatic refresh) with this verb.</summary>
    public RouteTable OnExecute(string verb, ExecuteRoute handler)
    {
        if (!_verbs.TryAdd(verb, handler)) throw new InvalidOperationException($"The Action.Execute verb \"{verb}\" is routed twice.");
        return this;
    }

    /// <summary>An invoke with this name (a message-extension query).</summary>
    public RouteTable OnInvoke(string name, InvokeRoute handler)
    {
        if (!_invokes.TryAdd(name, handler)) throw new InvalidOperationException($"The invoke \"{name}\" is routed twice.");
        return this;
    }

    /// <summary>What a typed message that is nothing else gets (one feature answers free text).</summary>
    public RouteTable OnFreeText(MessageRoute handler)
    {
        if (_freeText is not null) throw new InvalidOperationException("Free text is routed twice.");
        _freeText = handler;
        return this;
    }

    public RouteTable AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        return this;
    }

    /// <summary>A typed command: a command word, or a command that carries words. False when the text is neither, or its route let it go.</summary>
    public Task<bool> TryCommandAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dc.Context.Activity.Text)) return Task.FromResult(false);
        if (CommandWord(dc) is { } word) return word.RunAsync(dc, cancellationToken);
        foreach (var (matches, route) in _texts)
        {
            if (matches(dc.Context)) return route.RunAsync(dc, cancellationToken);
        }
        return Task.FromResult(false);
    }

    /// <summary>
    /// A message that is a command word and nothing else ("help", « aide »), run after the safety card when the same
    /// word is also a cry for help: she gets the card first, then what the word asks for. A command that carries
    /// words (<c>post …</c>) is never run this way: its words were read as danger.
    /// </summary>
    public Task<bool> TryCommandWordAsync(DialogContext dc, CancellationToken cancellationToken) =>
        CommandWord(dc) is { } word ? word.RunAsync(dc, cancellationToken) : Task.FromResult(false);

    /// <summary>The route of the command word the whole message is, if it is one.</summary>
    private Route? CommandWord(DialogContext dc) =>
        dc.Context.Activity.Text is { } text && !string.IsNullOrWhiteSpace(text) && _words.TryGetValue(CommandText.Normalize(text), out var word) ? word : null;

    /// <summary>
    /// A card click: by the shape of its data; then a button answer (<c>choice</c>, no <c>action</c>) goes to the
    /// running dialog; then by its <c>action</c>. False when nothing answered it.
    /// </summary>
    public async Task<bool> TrySubmitAsync(DialogContext dc, JsonElement data, CancellationToken cancellationToken)
    {
        foreach (var (matches, route) in _shapes)
        {
            if (matches(dc, data)) return await route.RunAsync(dc, cancellationToken).ConfigureAwait(false);
        }
        if (CardData.String(data, "action") is null && CardData.String(data, "choice") is not null && dc.ActiveDialog is not null)
        {
            await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        return CardData.String(data, "action") is { } action && _actions.TryGetValue(action, out var found)
            && await found.RunAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The response to an <c>Action.Execute</c>; null when no route has its verb.</summary>
    public Task<AdaptiveCardInvokeResponse>? Execute(ITurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken) =>
        value.Action?.Verb is { } verb && _verbs.TryGetValue(verb, out var route) ? route(turn, value, cancellationToken) : null;

    /// <summary>The body of an invoke's response; null when no route has its name.</summary>
    public Task<object?> InvokeAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Name is { } name && _invokes.TryGetValue(name, out var route) ? route(turn, cancellationToken) : Task.FromResult<object?>(null);

    /// <summary>Free text, to the feature that answers it.</summary>
    public Task FreeTextAsync(DialogContext dc, CancellationToken cancellationToken) =>
        _freeText?.Invoke(dc, cancellationToken) ?? Task.CompletedTask;

    private sealed record Route(MessageRoute Handler, IReadOnlyList<RouteCondition> Conditions)
    {
        public async Task<bool> RunAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            foreach (var condition in Conditions)
            {
                if (await condition.Allows(dc.Context, cancellationToken).ConfigureAwait(false)) continue;
                await condition.Refuse(dc.Context, cancellationToken).ConfigureAwait(false);
                return true;
            }
            return await Handler(dc, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A part of the bot that answers some of its ways in: it registers them in the <see cref="RouteTable"/>.</summary>
public interface IFeature
{
    void MapRoutes(RouteTable routes);
}
