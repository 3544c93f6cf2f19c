using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Situations;

/// <summary>
/// The content review's findings on the situations (../shared/reviews/content-review.md), checked the
/// way a worker meets them: she picks the situation in the menu, taps her answers, and reads the card.
/// The wording is the subject here, so the expected text is written out.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ContentReviewFixesTests : IAsyncLifetime
{
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public Task W1_AThreatInAComment_GetsTheSafetyReply_NotTheRemovalGuideline_InFrench() =>
        Chat("fr-CA").Send("menu").AssertReplyContains("Quelle situation vivez-vous?", "Un commentaire hostile")
            .Click("Un commentaire hostile").AssertReplyContains("Que contient surtout le commentaire?", "Insultes, harcèlement, menace")
            .Click("Insultes, harcèlement, menace")
            .AssertReply(reply => Assert.Equal(["Des propos désobligeants", "Harcèlement, volonté de nuire", "Une menace"], Answers(reply)))
            .Click("Une menace")
            .AssertReply(reply =>
            {
                var text = CardReader.VisibleText(reply);
                Assert.Contains("Une menace n'est pas de la modération courante", text);
                Assert.Contains("Le guide de la politique ne traite pas des menaces : les consignes ci-dessous sont celles de PolicyBot.", text);
                Assert.Contains("En cas de danger immédiat, appelez le 911.", text);
                Assert.Contains("Suivez la procédure d'urgence de votre maison d'hébergement.", text);
                Assert.Contains("pas une ligne de crise", text);
                Assert.DoesNotContain("Quoi faire maintenant", text);
                Assert.DoesNotContain(Content.Topic("unacceptable-content").Fr.Title, text);
                Assert.DoesNotContain("Retirez", text);
            })
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task W1_AThreatInAComment_GetsTheSafetyReply_NotTheRemovalGuideline_InEnglish() =>
        Chat("en-CA").Send("menu").AssertReplyContains("What situation are you facing?", "A hostile comment")
            .Click("A hostile comment").AssertReplyContains("What does the comment mainly contain?", "Insults, harassment, threats")
            .Click("Insults, harassment, threats")
            .AssertReply(reply => Assert.Equal(["Disparaging remarks", "Harassment, intent to harm", "A threat"], Answers(reply)))
            .Click("A threat")
            .AssertReply(reply =>
            {
                var text = CardReader.VisibleText(reply);
                Assert.Contains("A threat isn't routine moderation", text);
                Assert.Contains("The policy guide doesn't cover threats: the steps below are PolicyBot's own.", text);
                Assert.Contains("If anyone is in immediate danger, call 911.", text);
                Assert.Contains("Follow your shelter's emergency procedure.", text);
                Assert.Contains("not a crisis line", text);
                Assert.DoesNotContain("What to do now", text);
                Assert.DoesNotContain("Remove", text);
            })
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task W1_TypingTheThreatAnswer_GivesTheSafetyReplyToo() =>
        Chat("fr-CA").Submit(new { action = "situation", situation = "hostile-comment" })
            .AssertReplyContains("Que contient surtout le commentaire?")
            .Send("3").AssertReplyContains("De quoi s'agit-il surtout?")
            // The button's label typed is that answer, and the threat answer ends on the safety card.
            .Send("une menace").AssertReplyContains("Une menace n'est pas de la modération courante", "En cas de danger immédiat, appelez le 911.", "pas une ligne de crise")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task W1_HarassmentStillLeadsToOurRemovalRules_AndNoThreatIsMentioned() =>
        Chat("en-CA").Submit(new { action = "situation", situation = "hostile-comment" })
            .AssertReplyContains("What does the comment mainly contain?")
            .Click("Insults, harassment, threats").AssertReplyContains("What is it mostly?")
            .Click("Harassment, intent to harm").AssertReplyContains("Are our comment rules posted publicly?")
            .Click("Yes, they're posted")
            .AssertReply(reply =>
            {
                var text = CardReader.VisibleText(reply);
                Assert.Contains("If our rules exclude harassment and content meant to cause harm, remove the comment by applying them as usual.", text);
                Assert.Contains("Follow our reporting policy: the guide calls for one whenever content breaks our guidelines or the platform's.", text);
                // A threat is named only by the product's emergency notice (guideline.emergency) and by the button she
                // clicked, shown back under "In your situation"; none of the guideline's own lines speaks of one.
                var notice = ContentLibrary.Default.Ui("guideline.emergency", Language.En);
                Assert.Contains(notice, text);
                Assert.Contains("• Insults, harassment, threats", text);
                var guideline = text.Replace(notice, "", StringComparison.Ordinal).Replace("• Insults, harassment, threats", "", StringComparison.Ordinal);
                Assert.DoesNotContain("threat", guideline, StringComparison.OrdinalIgnoreCase);
            })
            .StartTestAsync();

    [Fact]
    public Task W2_APrivateRequestForHelp_NamesNoChannelAsSafer_AndPointsToSection2() =>
        Chat("fr-CA").Send("menu").AssertReplyContains("Une demande d'aide en privé").Click("Une demande d'aide en privé")
            .AssertReplyContains("Peut-elle vous joindre autrement que par ce réseau social?", "Oui, par un autre moyen")
            .Click("Oui, par un autre moyen")
            .AssertReply(reply =>
            {
                Assert.Contains("Pour en savoir plus sur les textos, le clavardage ou la visioconférence, consultez la Section 2 de la trousse d'outils dont le guide fait partie.", CardReader.VisibleText(reply));
                // The card also shows the topic's own statements (topics/, rewritten separately); this situation's lines name no channel as safer.
                Assert.All(Outcome("survivor-private-message", "safer-channel", "yes").Fr, line => Assert.DoesNotContain("mieux protégé", line));
                Assert.All(Outcome("survivor-private-message", "safer-channel", "yes").En, line => Assert.DoesNotContain("better-protected", line));
            })
            .StartTestAsync();

    [Theory]
    [InlineData("fr-CA", "Photo ou vidéo du personnel", "Qui apparaît sur la photo ou la vidéo?", "Une survivante y apparaît", "Ne publiez pas cette photo ou cette vidéo : aucune survivante ne doit y apparaître, reconnaissable ou non.")]
    [InlineData("en-CA", "A photo or video of staff", "Who is in the photo or video?", "A survivor is in it", "Don't post this photo or video: no survivor may appear in it, recognisable or not.")]
    public Task W3_NoSurvivorAppearsInAPhoto_RecognisableOrNot(string locale, string situation, string question, string answer, string line) =>
        Chat(locale).Send("menu").AssertReplyContains(situation)
            .Click(situation).AssertReplyContains(question, answer)
            .Click(answer).AssertReplyContains(line).StartTestAsync();

    [Theory]
    [InlineData("fr-CA", "Privé, ex. groupe de soutien", "Des photos ou vidéos", "Ne publiez aucune photo ni vidéo où une survivante apparaît, reconnaissable ou non.")]
    [InlineData("en-CA", "Private, e.g. a support group", "Photos or videos from it", "Don't post any photo or video in which a survivor appears, recognisable or not.")]
    public Task W3_PhotosOfAPrivateEvent_ShowNoSurvivor(string locale, string kind, string what, string line) =>
        Chat(locale).Submit(new { action = "situation", situation = "private-event" }).AssertReplyContains(kind)
            .Click(kind).AssertReplyContains(what)
            .Click(what).AssertReplyContains(line).StartTestAsync();

    [Theory]
    [InlineData("fr-CA", "La personne elle-même", "Vous pouvez aussi l'informer des risques et des failles que vous percevez.")]
    [InlineData("en-CA", "The person it's about", "You may also let her know about the risks and weak spots you see.")]
    public Task W5_TellingHerAboutRisks_StaysSomethingStaffMayDo(string locale, string answer, string line) =>
        Chat(locale).Submit(new { action = "situation", situation = "identifying-info-comment" }).AssertReplyContains(answer)
            .Click(answer)
            .AssertReply(reply =>
            {
                Assert.Contains(line, CardReader.VisibleText(reply));
                // No line of this case tells staff to inform her as a matter of course (the guide's "vous pouvez", L.49).
                var lines = Outcome("identifying-info-comment", "who-posted", "the-person-herself");
                Assert.All(lines.Fr.Where(l => l.Contains("informe", StringComparison.Ordinal)), l => Assert.Contains("Vous pouvez", l));
                Assert.All(lines.En.Where(l => l.Contains("let her know", StringComparison.Ordinal)), l => Assert.Contains("You may", l));
                Assert.Single(lines.Fr, l => l.Contains("informe", StringComparison.Ordinal));
            })
            .StartTestAsync();

    [Fact]
    public Task U5_HerOwnLife_StaffDontControlButMayInform() =>
        Chat("fr-CA").Submit(new { action = "situation", situation = "resident-social-media" }).AssertReplyContains("De quoi s'agit-il?")
            .Click("Elle a publié quelque chose")
            .AssertReplyContains("La publication met-elle en péril la maison ou d'autres survivantes?")
            .Click("Non, elle parle de sa vie")
            .AssertReplyContains(
                "Ce qu'elle publie sur sa propre vie ne concerne pas l'organisation : ne contrôlez pas sa publication.",
                "Vous pouvez l'informer des risques et des stratégies de sécurité et de confidentialité; la décision lui revient.")
            .StartTestAsync();

    [Fact]
    public Task C3_IdentifyingInformation_AlwaysMentionsOurReportingPolicy() =>
        Chat("fr-CA").Submit(new { action = "situation", situation = "identifying-info-comment" }).AssertReplyContains("Qui a publié ces informations?")
            .Click("Quelqu'un d'autre").AssertReplyContains("De quel genre d'informations s'agit-il?")
            .Click("Nom, adresse, photo ou lieu").AssertReplyContains("Nos règles sur les commentaires sont-elles affichées?")
            .Click("Non, pas encore")
            .AssertReplyContains(
                "Retirez quand même le commentaire : pour protéger la vie privée, ces informations ne doivent pas être permises.",
                "Suivez aussi notre politique de signalement pour les contenus qui enfreignent nos directives.")
            .StartTestAsync();

    private static ContentLibrary Content => ContentLibrary.Default;

    private static SituationOutcome Outcome(string situation, string question, string option) =>
        Content.Situation(situation).Question(question).Options.Single(o => o.Id == option).Outcome!;

    private TestFlow Chat(string locale) => _bot.Flow(_bot.Adapter(locale: locale));

    /// <summary>The answer buttons of a question card: the ones that carry a <c>choice</c>.</summary>
    private static List<string> Answers(Activity reply) =>
        [.. CardReader.Actions(reply).Where(a => a.Data is { ValueKind: System.Text.Json.JsonValueKind.Object } data && data.TryGetProperty("choice", out _)).Select(a => a.Title)];
}
