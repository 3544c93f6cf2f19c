using System.Text.Json.Serialization;

namespace BotFramework.Schema;

/// <summary>The id the Connector gives a sent activity.</summary>
public class ResourceResponse : ExtensibleObject
{
    public ResourceResponse() { }
    public ResourceResponse(string? id) => Id = id;
    public string? Id { get; set; }
}

public class ConversationResourceResponse : ExtensibleObject
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>Body of <c>POST /v3/conversations</c> (a proactive 1:1 chat or a new channel thread).</summary>
public class ConversationParameters : ExtensibleObject
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public Activity? Activity { get; set; }
    public object? ChannelData { get; set; }
    public string? TenantId { get; set; }
}

public class ErrorResponse : ExtensibleObject
{
    public Error? Error { get; set; }
}

public class Error : ExtensibleObject
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>What the bot answers to an invoke, written as the HTTP response (status and JSON body).</summary>
public sealed class InvokeResponse
{
    public InvokeResponse(int status, object? body = null)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }
    public object? Body { get; }
}

/// <summary>Body of an <c>adaptiveCard/action</c> invoke response (Universal Actions).</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; set; } = 200;
    public string Type { get; set; } = MessageType;
    public object? Value { get; set; }

    public static AdaptiveCardInvokeResponse Card(object card) => new() { Type = CardType, Value = card };
    public static AdaptiveCardInvokeResponse BadRequest(string code, string message) =>
        new() { StatusCode = 400, Type = ErrorType, Value = new Error { Code = code, Message = message } };
}

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke.</summary>
public class AdaptiveCardInvokeValue : ExtensibleObject
{
    public AdaptiveCardInvokeAction? Action { get; set; }
    public string? Trigger { get; set; }
}

public class AdaptiveCardInvokeAction : ExtensibleObject
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }
    public System.Text.Json.JsonElement? Data { get; set; }
}
