using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Knowledge;

namespace PolicyBot.Cards;

/// <summary>
/// The safety card, the first reply to any message about danger to a person now: 911, the shelter's
/// emergency procedure (and its own number and procedure name when a manager has set them), 9-8-8 for
/// suicide or self-harm, and that this assistant is not a crisis line. Its words are PolicyBot's own, not
/// the guide's, and the card says so. Nothing the user typed is on it.
/// </summary>
public sealed class SafetyCard(ContentLibrary content)
{
    /// <summary>The safety card; <paramref name="lead"/> are lines said first, under the title (why this card, in a situation that ends on it).</summary>
    public Attachment Build(Language language, EmergencyInstructions shelter, params string[] lead) =>
        Attachment.AdaptiveCard(CardTemplates.Expand("safety", Data(language, shelter, lead)));

    internal JsonObject Data(Language language, EmergencyInstructions shelter, params string[] lead)
    {
        ArgumentNullException.ThrowIfNull(shelter);
        ArgumentNullException.ThrowIfNull(lead);
        var lines = new JsonArray();
        if (shelter.Procedure is { } procedure) lines.Add(new JsonObject { ["text"] = Ui("scope.safety.shelterProcedure", language, procedure) });
        if (shelter.Phone is { } phone) lines.Add(new JsonObject { ["text"] = Ui("scope.safety.shelterPhone", language, phone) });
        return new JsonObject
        {
            ["title"] = Ui("scope.safety.title", language),
            ["hasLead"] = lead.Length > 0,
            ["lead"] = new JsonArray([.. lead.Select(line => (JsonNode)new JsonObject { ["text"] = line })]),
            ["call911"] = Ui("scope.safety.call911", language),
            ["procedure"] = Ui("scope.safety.procedure", language),
            ["hasShelterLines"] = lines.Count > 0,
            ["shelterHeading"] = Ui("scope.safety.shelterHeading", language),
            ["shelterLines"] = lines,
            ["suicide"] = Ui("scope.safety.suicide", language),
            ["notCrisisLine"] = Ui("scope.safety.notCrisisLine", language),
            ["ownWords"] = Ui("scope.safety.ownWords", language),
        };
    }

    private string Ui(string key, Language language, params object[] args) => content.Ui(key, language, args);
}
