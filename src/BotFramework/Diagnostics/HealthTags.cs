namespace BotFramework.Diagnostics;

/// <summary>The tag of the health checks that <c>/readyz</c> runs (the library's and the product's alike).</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
