using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// What a worker sees when her message is not a policy question, talking to the bot as Teams does: danger
/// first with the safety card — in personal chat, in a channel, inside a situation or a lesson, never taken
/// for a command — and the replies to legal questions, unrelated messages, greetings and thanks, in both languages.
/// Every message here is invented.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ScopeConversationTests : IAsyncLifetime
{
    private const string SafetyTitleEn = "If someone is in danger right now";
    private const string SafetyTitleFr = "Si quelqu'un est en danger maintenant";

    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private TestFlow Chat(string locale = "en-CA") => _bot.Flow(_bot.Adapter(locale: locale));

    private static Func<Activity> Start(TestAdapter adapter, string situation) =>
        () => adapter.MakeSubmit(new { action = "situation", situation });

    [Fact]
    public Task Danger_InEnglish_GetsTheSafetyCardFirst_AndNothingElse() =>
        Chat().Send("Her ex is outside the shelter and he's banging on the door")
            .AssertReplyContains(
                SafetyTitleEn,
                "If anyone is in immediate danger, call 911.",
                "Follow your shelter's emergency procedure.",
                "Suicide or self-harm: call or text 9-8-8, Canada's Suicide Crisis Helpline, 24 hours a day, 7 days a week, in English or French.",
                "I'm an assistant for the social-media policy, not a crisis line: I can't call anyone or send help.",
                "This safety message is PolicyBot's own; it does not come from the social-media policy guide.")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task Danger_InQuebecFrench_GetsTheFrenchSafetyCardFirst() =>
        Chat("fr-CA").Send("y'é dans l'stationnement pis a l'a peur")
            .AssertReplyContains(
                SafetyTitleFr,
                "En cas de danger immédiat, appelez le 911.",
                "Suivez la procédure d'urgence de votre maison d'hébergement.",
                "Suicide ou automutilation : appelez ou textez le 9-8-8, la Ligne d'aide en cas de crise de suicide du Canada, 24 heures sur 24, 7 jours sur 7, en français ou en anglais.",
                "pas une ligne de crise",
                "Ce message de sécurité est celui de PolicyBot; il ne vient pas du guide sur les médias sociaux.")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task Suicide_WithoutAccentsOrSpelling_GetsTheSafetyCard() =>
        Chat("fr-CA").Send("une residente a dit qu'a veut pu vivre")
            .AssertReplyContains(SafetyTitleFr, "9-8-8")
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>
    /// Danger said without any word of violence: a gas leak, carbon monoxide or a building filling with smoke; and a
    /// farewell written as thanks, which gets the safety card, not the friendly reply to thanks.
    /// </summary>
    [Theory]
    [InlineData("it smells like gas all through the basement and the kids are still down there", "en-CA", SafetyTitleEn, "call 911")]
    [InlineData("the carbon monoxide detector in the family wing keeps going off", "en-CA", SafetyTitleEn, "call 911")]
    [InlineData("ça sent le gaz dans toute la cuisine pis les résidentes sont encore en haut", "fr-CA", SafetyTitleFr, "appelez le 911")]
    [InlineData("y a de la boucane partout dans le corridor du 2e", "fr-CA", SafetyTitleFr, "appelez le 911")]
    [InlineData("hello everyone, thank you for everything, I gave my dog to the neighbour, it's all sorted", "en-CA", SafetyTitleEn, "9-8-8")]
    [InlineData("bonsoir, merci pour tout, je vous dérangerai plus", "fr-CA", SafetyTitleFr, "9-8-8")]
    public Task DangerWithoutWordsOfViolence_GetsTheSafetyCard(string text, string locale, string title, string pointer) =>
        Chat(locale).Send(text)
            .AssertReplyContains(title, pointer)
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>A threat to find or hunt down the staff or a woman, in a comment on the page: danger first, then the page side.</summary>
    [Theory]
    [InlineData("a comment under our fundraiser post says he will hunt her down and nobody at the shelter can stop him", "en-CA", SafetyTitleEn)]
    [InlineData("un commentaire sur notre page dit qu'il va toutes vous trouver une par une", "fr-CA", SafetyTitleFr)]
    public async Task AThreatToFindOrHuntSomeone_GetsTheSafetyCardFirst(string text, string locale, string safetyTitle)
    {
        var replies = await RepliesTo(text, locale);

        Assert.Contains(safetyTitle, CardReader.VisibleText(replies[0]));
    }

    [Theory]
    [InlineData("who do I ask about the gas card for the shelter van", "en-CA")]
    [InlineData("qui s'occupe de la carte de gaz pour la van de la maison", "fr-CA")]
    public async Task AGasCardForTheVan_IsNotDanger(string text, string locale)
    {
        var replies = await RepliesTo(text, locale);

        Assert.DoesNotContain(replies, r => CardReader.VisibleText(r).Contains(locale == "fr-CA" ? SafetyTitleFr : SafetyTitleEn, StringComparison.Ordinal));
    }

    [Fact]
    public Task Danger_TypedInFrench_WithAnEnglishTeamsLocale_IsAnsweredInFrench() =>
        Chat("en-US").Send("son ex est devant la porte avec un couteau")
            .AssertReplyContains(SafetyTitleFr, "appelez le 911")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task Danger_InAChannel_AfterTheMention_GetsTheSafetyCard()
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("channel-worker"));
        return _bot.Flow(adapter)
            .Send(() => adapter.MakeMention("a man is in the lobby with a knife right now"))
            .AssertReplyContains(SafetyTitleEn, "call 911")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AThreatPostedOnThePage_GetsTheSafetyCard_ThenTheGuidelineForIt()
    {
        var adapter = _bot.Adapter();
        await adapter.SendAsync(adapter.MakeMessage("someone threatened to kill us in a comment on our Facebook post"), _bot.Bot);
        var replies = Replies(adapter);

        Assert.True(replies.Count >= 2, $"Expected the safety card and then the guideline, got {replies.Count} replies.");
        Assert.Contains(SafetyTitleEn, CardReader.VisibleText(replies[0]));
        Assert.Empty(CardReader.Actions(replies[0]));
        // The page side follows, never first: the guideline (or the choices) for content that must come down.
        var topics = replies.Skip(1).SelectMany(CardReader.Actions).Select(a => a.Data?.TryGetProperty("topic", out var t) == true ? t.GetString() : null);
        Assert.Contains("unacceptable-content", topics);
    }

    /// <summary>
    /// A legal question with danger in it ("can he sue us if we delete his threats?"): the safety card first, then the
    /// legal question's own answer, that the bot gives no legal advice, then, since it is about the page, the guideline.
    /// Invented messages.
    /// </summary>
    [Theory]
    [InlineData("can that guy sue us if we delete his threats on our page?", "en-CA", SafetyTitleEn, NoLegalAdviceEn)]
    [InlineData("peut-il nous poursuivre si on efface ses menaces sur notre page?", "fr-CA", SafetyTitleFr, NoLegalAdviceFr)]
    public async Task ALegalQuestionAboutAThreat_GetsTheSafetyCard_ThenNoLegalAdvice_ThenThePageSide(string text, string locale, string safetyTitle, string noLegalAdvice)
    {
        var replies = await RepliesTo(text, locale);

        Assert.True(replies.Count >= 3, $"Expected the safety card, the legal reply and the page side, got {replies.Count} replies.");
        Assert.Contains(safetyTitle, CardReader.VisibleText(replies[0]));
        Assert.Equal(noLegalAdvice, replies[1].Text);
        var topics = replies.Skip(2).SelectMany(CardReader.Actions).Select(a => a.Data?.TryGetProperty("topic", out var t) == true ? t.GetString() : null);
        Assert.Contains("unacceptable-content", topics);
    }

    /// <summary>Danger and a legal duty, nothing about social media: the safety card, then the legal reply, and nothing more.</summary>
    [Theory]
    [InlineData("if a mom tells us her boyfriend hits the kids, does the law say we have to report it?", "en-CA", SafetyTitleEn, NoLegalAdviceEn)]
    [InlineData("si une mère nous dit que son chum frappe les enfants, la loi nous oblige-tu à le signaler?", "fr-CA", SafetyTitleFr, NoLegalAdviceFr)]
    public Task DangerInALegalQuestion_GetsTheSafetyCard_ThenNoLegalAdvice(string text, string locale, string safetyTitle, string noLegalAdvice) =>
        Chat(locale).Send(text)
            .AssertReplyContains(safetyTitle)
            .AssertReply(noLegalAdvice)
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>
    /// The cost of a false alarm: a calm question about a threat comment says "threatening", which the rules read as
    /// danger (when unsure, crisis) unless the message says the threat is over ("last week", « le mois passé »: the
    /// theory below). She gets the safety card first, and then the page side of her question all the same: the
    /// guideline for content that must come down, or the topics with it first.
    /// </summary>
    [Theory]
    [InlineData("we got a threatening comment under our Facebook post and already reported it, should we delete it or keep it", "en-CA", SafetyTitleEn)]
    [InlineData("un gars a laissé un commentaire menaçant sous notre publication Facebook, on l'a signalé, on devrait-tu le supprimer", "fr-CA", SafetyTitleFr)]
    public async Task ACalmQuestionAboutAPastThreatComment_TakenForDanger_StillGetsItsGuidelineAfterTheSafetyCard(string text, string locale, string safetyTitle)
    {
        var replies = await RepliesTo(text, locale);

        Assert.True(replies.Count >= 2, $"Expected the safety card and then the guideline, got {replies.Count} replies.");
        Assert.Contains(safetyTitle, CardReader.VisibleText(replies[0]));
        var topics = replies.Skip(1).SelectMany(CardReader.Actions).Select(a => a.Data?.TryGetProperty("topic", out var t) == true ? t.GetString() : null).OfType<string>().ToList();
        Assert.Equal("unacceptable-content", topics.FirstOrDefault());
    }

    /// <summary>
    /// A threat comment the question says is over ("two weeks ago", « le mois passé ») is not danger now: no safety
    /// card, the guideline for content that must come down (or the topics with it first) straight away.
    /// </summary>
    [Theory]
    [InlineData("we got a threatening comment under our Facebook post two weeks ago and already reported it, should we delete it or keep it", "en-CA", SafetyTitleEn)]
    [InlineData("le mois passé un gars a laissé un commentaire menaçant sous notre publication Facebook, on l'a signalé, on devrait-tu le supprimer", "fr-CA", SafetyTitleFr)]
    public async Task ACalmQuestionAboutAThreatCommentThatIsOver_GetsItsGuidelineWithoutTheSafetyCard(string text, string locale, string safetyTitle)
    {
        var replies = await RepliesTo(text, locale);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => CardReader.VisibleText(r).Contains(safetyTitle, StringComparison.Ordinal));
        var topics = replies.SelectMany(CardReader.Actions).Select(a => a.Data?.TryGetProperty("topic", out var t) == true ? t.GetString() : null).OfType<string>().ToList();
        Assert.Equal("unacceptable-content", topics.FirstOrDefault());
    }

    [Fact]
    public Task Danger_TypedInsideASituation_GetsTheSafetyCard_AndTheSituationWaitsWhereItWas()
    {
        var adapter = _bot.Adapter();
        return _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("wait, she's bleeding, he hit her")
            .AssertReplyContains(SafetyTitleEn, "call 911")
            .AssertNoReply()
            .Send("4")
            .AssertReplyContains("Unacceptable content", "In your situation")
            .StartTestAsync();
    }

    [Fact]
    public Task Danger_TypedDuringAnOnboardingLesson_GetsTheSafetyCard_AndTheLessonWaits() =>
        Chat().Send("onboarding")
            .AssertReplyContains("Welcome")
            .AssertReplyContains("Onboarding · Lesson 1 of 8")
            .Click("On to the questions")
            .AssertReplyContains("Question 1 of")
            .Send("sorry, a resident just told me she wants to end her life")
            .AssertReplyContains(SafetyTitleEn, "call or text 9-8-8")
            .AssertNoReply()
            .Send("continue")
            .AssertReplyContains("Question 1 of")
            .StartTestAsync();

    [Theory]
    [InlineData("au secours", "fr-CA", SafetyTitleFr, "Comment m'utiliser")]
    [InlineData("post he threatened to kill her", "en-CA", SafetyTitleEn, "PolicyBot managers")]
    [InlineData("annuler, il est à la porte avec un fusil", "fr-CA", SafetyTitleFr, "rien à annuler")]
    public async Task Danger_IsNeverTakenForACommand(string text, string locale, string title, string commandAnswer)
    {
        var replies = (await RepliesTo(text, locale)).Select(CardReader.VisibleText).ToList();

        Assert.Contains(title, replies[0]);
        Assert.DoesNotContain(replies, r => r.Contains(commandAnswer, StringComparison.Ordinal));
    }

    /// <summary>
    /// A cry for help in one word: in capitals, with an exclamation mark, or "help me" / « aide-moi ». The safety card
    /// comes first; when the word is also the help command, the help card follows. "help" typed plainly (what the
    /// Teams command menu sends) is the command alone.
    /// </summary>
    [Theory]
    [InlineData("HELP", "en-CA", SafetyTitleEn, "How to use me")]
    [InlineData("help!", "en-CA", SafetyTitleEn, "How to use me")]
    [InlineData("AIDE", "fr-CA", SafetyTitleFr, "Comment m'utiliser")]
    public async Task ACryForHelp_GetsTheSafetyCardFirst_ThenTheHelpCard(string text, string locale, string safetyTitle, string helpTitle)
    {
        var replies = (await RepliesTo(text, locale)).Select(CardReader.VisibleText).ToList();

        Assert.Equal(2, replies.Count);
        Assert.Contains(safetyTitle, replies[0]);
        Assert.Contains(helpTitle, replies[1]);
    }

    [Theory]
    [InlineData("help me", "en-CA", SafetyTitleEn)]
    [InlineData("aidez-moi svp", "fr-CA", SafetyTitleFr)]
    public Task APleaForHelp_GetsTheSafetyCard(string text, string locale, string safetyTitle) =>
        Chat(locale).Send(text)
            .AssertReplyContains(safetyTitle)
            .AssertNoReply()
            .StartTestAsync();

    [Theory]
    [InlineData("help", "en-CA", "How to use me", SafetyTitleEn)]
    [InlineData("aide", "fr-CA", "Comment m'utiliser", SafetyTitleFr)]
    public Task TheHelpCommand_TypedPlainly_IsTheHelpCardAlone(string text, string locale, string helpTitle, string safetyTitle) =>
        Chat(locale).Send(text)
            .AssertReply(reply =>
            {
                Assert.Contains(helpTitle, CardReader.VisibleText(reply));
                Assert.DoesNotContain(safetyTitle, CardReader.VisibleText(reply));
            })
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task ALegalQuestion_InEnglish_IsToldThereIsNoLegalAdvice_AndWhereToTurnInDanger_ThenOfferedTheClosestTopics() =>
        Chat().Send("Can someone sue us for defamation if we delete their comment?")
            .AssertReply(LegalAloneEn)
            .AssertReplyContains("The closest subjects in your social-media policy:", "None of these")
            .StartTestAsync();

    [Fact]
    public Task ALegalQuestion_InFrench_IsToldThereIsNoLegalAdvice_AndWhereToTurnInDanger_ThenOfferedTheClosestTopics() =>
        Chat("fr-CA").Send("La police veut une copie des messages privés de notre page Facebook")
            .AssertReply(LegalAloneFr)
            .AssertReplyContains("Les sujets les plus proches dans votre politique sur les médias sociaux :")
            .StartTestAsync();

    private const string NoLegalAdviceEn = "I don't give legal advice. For a question about the law (a lawsuit, defamation, liability, a subpoena, a request from the police or a court, what the law requires), ask a manager or your organisation's legal counsel.";
    private const string NoLegalAdviceFr = "Je ne donne pas d'avis juridique. Pour une question de droit (poursuite, diffamation, responsabilité, assignation, demande de la police ou d'un tribunal, ce que la loi exige), adressez-vous à une gestionnaire ou au conseil juridique de votre organisation.";

    // A legal question alone (not after a safety card) is also told where to turn if anyone is in danger: a danger
    // message the recogniser takes for a legal question still gets 911.
    private const string LegalAloneEn = NoLegalAdviceEn + " If anyone is threatened or in danger right now, call 911 and follow your shelter's emergency procedure.";
    private const string LegalAloneFr = NoLegalAdviceFr + " Si une personne est menacée ou en danger maintenant, composez le 911 et suivez la procédure d'urgence de votre maison d'hébergement.";

    /// <summary>
    /// Legal questions in words the rules do not list (no "sue", "liable", "law", « poursuite », « loi »…): the legal head
    /// of the scope classifier reads them, so the worker is told there is no legal advice here, then offered the topic
    /// the question is about. Invented for this test, none of them in the scope data. Not every such question is caught:
    /// of ten written for this test before the legal examples in consequence wording were added, two were, then five;
    /// two more are a crisis for the rules (a man who says he will "make us pay": the safety card comes first, as it
    /// should), and « est-ce que la maison peut avoir des problèmes si une employée publie une photo d'une résidente sur
    /// son Facebook? » fell under the bar once authors a9 and a10 joined (it gets its topics, without the legal reply).
    /// </summary>
    [Theory]
    [InlineData("are we on the hook if a resident's photo ends up on our page without her ok?", "en-CA", "The closest subjects in your social-media policy:", "Never post about survivors")]
    [InlineData("what happens to us if a man says our Facebook post ruined his reputation?", "en-CA", "The closest subjects in your social-media policy:", "Responding to differing opinions and inaccuracies")]
    [InlineData("peut-on recevoir une amende pour une photo publiée sans permission?", "fr-CA", "Les sujets les plus proches dans votre politique sur les médias sociaux :", "Photos du personnel, des participantes et des présentatrices")]
    [InlineData("qu'est-ce qui nous arrive si une résidente dit qu'on a publié sa photo sans son accord?", "fr-CA", "Les sujets les plus proches dans votre politique sur les médias sociaux :", "Ne jamais publier sur les survivantes")]
    public Task ALegalQuestionWithoutLegalWords_IsToldThereIsNoLegalAdvice_ThenOfferedItsTopic(string text, string locale, string closest, string topicTitle) =>
        Chat(locale).Send(text)
            .AssertReply(locale == "fr-CA" ? LegalAloneFr : LegalAloneEn)
            .AssertReplyContains(closest, topicTitle)
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>Policy questions next to the legal ones above (a photo, a rude comment): their guideline or topics, never the legal reply.</summary>
    [Theory]
    [InlineData("should we delete a rude comment on our page?", "en-CA", "Unacceptable content: remove, inform, report")]
    [InlineData("can we post a photo of the team at the fundraiser?", "en-CA", "Photos of staff, participants and presenters")]
    [InlineData("est-ce qu'on peut publier une photo de l'équipe sur notre page?", "fr-CA", "Photos du personnel, des participantes et des présentatrices")]
    [InlineData("on fait quoi avec un commentaire impoli sur notre page?", "fr-CA", "Contenu inacceptable : retirer, informer, signaler")]
    public async Task APolicyQuestion_IsNotGivenTheLegalReply(string text, string locale, string topicTitle)
    {
        var replies = (await RepliesTo(text, locale)).Select(CardReader.VisibleText).ToList();

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Contains("legal advice", StringComparison.Ordinal) || r.Contains("avis juridique", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains(topicTitle, StringComparison.Ordinal));
    }

    /// <summary>
    /// Legal questions in the words staff use for exposure and obligations (legal9 branch): liability said as "come back
    /// on us" or « nous retomber dessus », being held responsible, a formal notice, image rights, how long the law makes
    /// us keep messages, firing a worker over a post, insurance. The rules' concepts <c>legal-exposure</c>,
    /// <c>legal-held</c> and <c>legal-insurance</c> know them; invented for this test, none of them in the scope data.
    /// </summary>
    [Theory]
    [InlineData("If a volunteer's post about a resident goes badly, could that come back on us?", "en-CA")]
    [InlineData("Are we responsible if a follower copies a resident's photo from our page?", "en-CA")]
    [InlineData("A man sent us a formal notice demanding we take his photo off our page", "en-CA")]
    [InlineData("How long are we required to keep the private messages our page receives?", "en-CA")]
    [InlineData("Can we fire a worker over what she wrote about a resident on her Facebook?", "en-CA")]
    [InlineData("Does our insurance cover us if a post upsets someone?", "en-CA")]
    [InlineData("si une bénévole publie la photo d'une résidente, ça peut-tu nous retomber dessus?", "fr-CA")]
    [InlineData("Est-ce qu'on est responsables si une abonnée republie la photo d'une résidente?", "fr-CA")]
    [InlineData("on risque-tu quelque chose si on laisse un commentaire mensonger sur notre page?", "fr-CA")]
    [InlineData("Faut-il le droit à l'image des participantes pour la vidéo de la campagne?", "fr-CA")]
    [InlineData("Quelle est la durée de conservation des messages privés de notre page?", "fr-CA")]
    [InlineData("Peut-on congédier une intervenante pour un commentaire sur sa page Facebook?", "fr-CA")]
    // A worker's own job, a publication ban, a contract clause, being made to take something down (added later; the
    // kinds two training authors' missed legal questions showed, in words of this test's own).
    [InlineData("if I vent about my shift on my own Instagram, could I lose my job over it?", "en-CA")]
    [InlineData("Does the publication ban in her custody case cover what we share in our stories?", "en-CA")]
    [InlineData("Can the man in the photo make us take down the fundraiser album?", "en-CA")]
    [InlineData("si je parle de ma journée de travail sur mon Facebook perso, je peux-tu perdre mon emploi?", "fr-CA")]
    [InlineData("Est-ce que l'ordonnance de non-publication vise aussi nos publications sur Instagram?", "fr-CA")]
    [InlineData("Mon contrat de travail dit que je dois pas nuire à l'employeur, ça vise mes publications perso?", "fr-CA")]
    public Task ALegalQuestionInExposureWording_IsToldThereIsNoLegalAdviceFirst(string text, string locale) =>
        Chat(locale).Send(text)
            .AssertReply(locale == "fr-CA" ? LegalAloneFr : LegalAloneEn)
            .StartTestAsync();

    /// <summary>Policy questions with "responsible" / « responsable » in them (who does the work, not who answers for it): never the legal reply.</summary>
    [Theory]
    [InlineData("Which of us is responsible for replying to comments on our page over the holidays?", "en-CA", "Who monitors our comments and messages?")]
    [InlineData("Our comms person is responsible for the page, who gets the admin access while she's on vacation?", "en-CA", "Social media at work and access to the page")]
    [InlineData("La responsable des communications part en vacances, qui publie sur notre page?", "fr-CA", "Médias sociaux au travail et accès à la page")]
    [InlineData("Qui est responsable de répondre aux commentaires sur notre page le soir?", "fr-CA", "Qui surveille nos commentaires et nos messages?")]
    public Task APolicyQuestionAboutWhoIsResponsible_IsNotGivenTheLegalReply(string text, string locale, string topicTitle) =>
        APolicyQuestion_IsNotGivenTheLegalReply(text, locale, topicTitle);

    [Fact]
    public Task SomethingUnrelated_InEnglish_IsToldTheBotOnlyKnowsThePolicy_WhereToTurnInDanger_AndTheMenu() =>
        Chat().Send("can someone cover my Saturday night shift")
            .AssertReply("I only know your organisation's social-media policy, so I can't help with that. If anyone is threatened or in danger right now, call 911 and follow your shelter's emergency procedure. Here are the situations I can help with.")
            .AssertReplyContains("What situation are you facing?")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task SomethingUnrelated_InFrench_IsToldTheBotOnlyKnowsThePolicy_WhereToTurnInDanger_AndTheMenu() =>
        Chat("fr-CA").Send("c'est quand la prochaine paie?")
            .AssertReply("Je ne connais que la politique de votre organisation sur les médias sociaux, alors je ne peux pas vous aider avec ça. Si une personne est menacée ou en danger maintenant, composez le 911 et suivez la procédure d'urgence de votre maison d'hébergement. Voici les situations où je peux vous aider.")
            .AssertReplyContains("Quelle situation vivez-vous?")
            .AssertNoReply()
            .StartTestAsync();

    [Theory]
    [InlineData("hello", "en-CA", "Welcome! Bienvenue!")]
    [InlineData("Hi there!", "en-CA", "Welcome! Bienvenue!")]
    [InlineData("bonjour", "fr-CA", "Bienvenue! Welcome!")]
    [InlineData("allô, y'a quelqu'un?", "fr-CA", "Bienvenue! Welcome!")]
    public Task AGreeting_ShowsTheWelcomeCardAgain(string text, string locale, string title) =>
        Chat(locale).Send(text)
            .AssertReplyContains(title, "Don't type names, places or details about a survivor.")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task Thanks_GetAShortFriendlyReply_InBothLanguages() =>
        Chat().Send("thanks, that helps!")
            .AssertReply("You're welcome! Type \"menu\" whenever you need me.")
            .AssertNoReply()
            .Send("merci beaucoup")
            .AssertReply("Avec plaisir! Tapez « menu » quand vous aurez besoin de moi.")
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>
    /// Wording no rule lists (the rules alone call these unrelated): the small-talk head reads them; the last two since
    /// it learnt the later training authors' small talk (before, it read them as unrelated requests).
    /// </summary>
    [Theory]
    [InlineData("bonsoir la belle équipe du soir", "fr-CA", "Bienvenue! Welcome!")]
    [InlineData("hi hi, back again", "en-CA", "Welcome! Bienvenue!")]
    [InlineData("lol sorry wrong chat", "en-CA", "Welcome! Bienvenue!")]
    [InlineData("oups dsl mauvais chat", "fr-CA", "Bienvenue! Welcome!")]
    public Task AGreetingInWordsNoRuleLists_ShowsTheWelcomeCard(string text, string locale, string title) =>
        Chat(locale).Send(text)
            .AssertReplyContains(title, "Don't type names, places or details about a survivor.")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task ThanksAndGoodbyeInWordsNoRuleLists_GetTheShortReply() =>
        Chat().Send("thanks heaps, catch you later")
            .AssertReply("You're welcome! Type \"menu\" whenever you need me.")
            .AssertNoReply()
            .Send("merci, passe une belle soirée")
            .AssertReply("Avec plaisir! Tapez « menu » quand vous aurez besoin de moi.")
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>
    /// The end of a shift in words the rules do not list, learnt from the small talk of later training authors (it
    /// teaches the small-talk head, not the crisis model): the heads as they were read it as an unrelated request and
    /// answered with the menu.
    /// </summary>
    [Fact]
    public Task TheEndOfAShift_GetsTheShortReply() =>
        Chat().Send("ok that's me done for tonight, have a good one")
            .AssertReply("You're welcome! Type \"menu\" whenever you need me.")
            .AssertNoReply()
            .StartTestAsync();

    /// <summary>"goodbye" is also a farewell word of the crisis data: alone, or with thanks, it closes the chat.</summary>
    [Fact]
    public Task Goodbye_GetsTheShortReply_NotTheSafetyCard() =>
        Chat().Send("ok goodbye")
            .AssertReply("You're welcome! Type \"menu\" whenever you need me.")
            .AssertNoReply()
            .Send("thanks, goodbye")
            .AssertReply("You're welcome! Type \"menu\" whenever you need me.")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task AGreetingWithAQuestion_IsAnsweredAsTheQuestion() =>
        Chat().Send("Hi, someone posted a hostile comment on our page")
            .AssertReply(reply => Assert.DoesNotContain("Welcome! Bienvenue!", CardReader.VisibleText(reply)))
            .StartTestAsync();

    /// <summary>Sends one message as Teams would, with the user's locale, and returns what the bot sent back.</summary>
    private async Task<List<Activity>> RepliesTo(string text, string locale)
    {
        var adapter = _bot.Adapter(locale: locale);
        await adapter.SendAsync(adapter.MakeMessage(text), _bot.Bot);
        return Replies(adapter);
    }

    private static List<Activity> Replies(TestAdapter adapter)
    {
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is { } reply) replies.Add(reply);
        return replies;
    }
}
