using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The recogniser on its own: real text analysis (accents, elision, Québec wording, one-slip typos), both
/// languages whatever the Teams locale, whole-message greetings, and the checks that stop the bot at start
/// when the scope data is broken. Messages are invented and none is an example of the data.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ScopeRecognizerTests
{
    private static readonly ScopeRecognizer Recognizer = SharedMatching.Recognizer(ContentLibrary.Default);

    [Theory]
    [InlineData("en", "a resident is suicidle")]                                // typo in a word's ending
    [InlineData("en", "her ex is threatning her by text right now")]          // typo
    [InlineData("en", "He has a knif")]                                       // typo in a short word
    [InlineData("fr", "une résidente est suicidère")]                         // typo
    [InlineData("fr", "il l'a frapée hier pis il revient ce soir")]           // typo, Québec wording
    [InlineData("fr", "y'é dans la cour avec un fusil")]                       // Québec "y'é", weapon
    [InlineData("fr", "SON EX EST A LA PORTE")]                                // capitals, missing accent
    [InlineData("fr", "elle a peur pour sa vie, il la menasse")]               // missing accent, typo
    [InlineData("en", "MY COWORKER'S EX JUST SHOWED UP AT RECEPTION")]         // capitals, possessive
    [InlineData("fr", "mon chum m'a dit qu'il va me tuer")]                    // first person
    public void Danger_IsRecognised_DespiteTyposAccentsAndQuebecWording(string lang, string text) =>
        Assert.Equal(ScopeKind.Crisis, Recognizer.Recognize(text, Languages.Parse(lang)).Kind);

    /// <summary>Kinds of danger that name no weapon and no violence: the words around them say it (invented messages, none an example of the data).</summary>
    [Theory]
    [InlineData("en", "HELP hes at the back door")]                                   // very short, caps, no apostrophe
    [InlineData("en", "someone keeps turning the door handle of the office")]          // a break-in tried
    [InlineData("en", "that blue pickup went around the block again and it's his")]   // a car circling
    [InlineData("en", "a resident drank some bleach")]                                // poison, no "suicide"
    [InlineData("en", "she posted a goodbye video and nobody can reach her")]          // a farewell, then silence
    [InlineData("en", "a comment on our reel says 'nowhere to hide'")]                // a veiled threat quoted
    [InlineData("en", "the dad won't bring the twins back and says he's leaving the country")] // a child kept
    [InlineData("en", "a brick just came through the lounge window")]                 // something thrown
    [InlineData("fr", "AIDE yé dans la cour")]                                         // joual, caps
    [InlineData("fr", "quelqu'un essaie d'ouvrir la porte du bureau, la poignee tourne")] // no accent
    [InlineData("fr", "elle a bu du lave-glace")]                                      // poison
    [InlineData("fr", "elle a publié une vidéo d'adieu pis on arrive pas à la joindre")] // farewell, then silence
    [InlineData("fr", "un commentaire sous notre photo dit « tu pourras pas te cacher »")] // veiled threat quoted
    [InlineData("fr", "le père ramène pas les jumeaux pis dit qu'il quitte le pays")]  // a child kept
    [InlineData("fr", "elle se fait des brûlures sur les bras")]                       // self-harm
    public void Danger_WithoutAWordOfViolence_IsRecognised_InTheMessagesLanguage(string lang, string text)
    {
        foreach (var locale in new[] { Language.Fr, Language.En })
        {
            var result = Recognizer.Recognize(text, locale);

            Assert.Equal((ScopeKind.Crisis, Languages.Parse(lang)), (result.Kind, result.Language));
        }
    }

    /// <summary>
    /// Families of danger the rules alone recognise since the leave-one-author-out misses were read (content README,
    /// scope step 7): a lockdown called, a colour code, breathing or waking that fails, being followed home, pictures of
    /// one's home sent to one, the address thanked for in a comment, a farewell with giving up, a teen gone to meet a
    /// man met online, a parent's secret departure with a child, someone at a child's school now, a fire in joual,
    /// "it's him" alone, one phrase typed again and again. The rules, not the model: each must hold without it.
    /// Invented messages, none a message of the corpus or of a set.
    /// </summary>
    [Theory]
    [InlineData("en", "LOCKDOWN")]
    [InlineData("en", "lock the doors now, he's in the lot")]
    [InlineData("fr", "barrez les portes vite")]
    [InlineData("en", "code white in the lounge")]
    [InlineData("fr", "code blanc salle commune")]
    [InlineData("en", "the toddler in 4 is turning blue")]
    [InlineData("fr", "le bébé respire mal pis ses lèvres sont bleues")]
    [InlineData("en", "resident on the bathroom floor, unresponsive")]
    [InlineData("en", "her ex followed her home from the bus stop")]
    [InlineData("fr", "une résidente s'est fait suivre jusqu'à son char")]
    [InlineData("en", "somebody keeps sending me photos of my car parked at work")]
    [InlineData("fr", "quelqu'un m'envoie des photos de ma maison depuis hier")]
    [InlineData("en", "under our reel someone wrote \"thanks for the address, see you\"")]
    [InlineData("fr", "y'a un commentaire avec notre numéro civique pis « à minuit »")]
    [InlineData("en", "staff member hasn't come in, last text said \"forgive me\", no word from her since")]
    [InlineData("fr", "notre bénévole a écrit sur notre page « j'en peux plus, c'est mon dernier message »")]
    [InlineData("en", "our 14 year old resident went to meet a guy she met on snap")]
    [InlineData("fr", "l'adolescente de la chambre 2 est partie rejoindre un gars rencontré en ligne")]
    [InlineData("en", "dad told the kids on the video call to pack your bags and not tell mom")]
    [InlineData("fr", "le père a dit à la petite : dis rien à maman, on part samedi")]
    [InlineData("en", "he's outside the daycare right now filming")]
    [InlineData("fr", "y'a le feu dans la salle de lavage")]
    [InlineData("fr", "c'est lui")]
    [InlineData("en", "its him its him")]
    [InlineData("en", "red balloon red balloon room 4")]
    [InlineData("fr", "parapluie parapluie")]
    public void DangerFamiliesReadInTheTrainingMisses_AreRecognisedByTheRulesAlone(string lang, string text) =>
        Assert.Equal(ScopeKind.Crisis, Recognizer.RuleKind(text, Languages.Parse(lang)).Kind);

    /// <summary>The same families' words in ordinary messages: none is taken for danger, with either locale (invented).</summary>
    [Theory]
    [InlineData("During the COVID lockdown we posted daily; should we go back to that schedule?")]
    [InlineData("Can we post a photo of our lockdown drill on Facebook?")]
    [InlineData("Pendant le confinement on publiait tous les jours, est-ce qu'on recommence?")]
    [InlineData("What's the colour code for our Instagram stories, red or blue?")]
    [InlineData("Should staff follow residents home on Instagram?")]
    [InlineData("Une résidente a publié des photos de sa maison sur Facebook, on lui en parle?")]
    [InlineData("Our house number is on an old post, should we delete it?")]
    [InlineData("This is my last post as comms lead, thanks for everything you tried to teach me")]
    [InlineData("C'est ma dernière publication comme responsable, merci pour tout")]
    [InlineData("Can a 15 year old volunteer run our TikTok?")]
    [InlineData("Une adolescente de 16 ans peut-elle être bénévole sur nos réseaux?")]
    [InlineData("Est-ce qu'on fait une campagne sur les ados qui vont rencontrer un gars rencontré en ligne?")]
    [InlineData("We want to post \"pack your bags\" for our summer camp ad, ok?")]
    [InlineData("On peut publier une photo devant l'école pour la rentrée?")]
    [InlineData("C'est lui qui gère notre page Facebook?")]
    [InlineData("menu menu")]
    [InlineData("merci merci")]
    [InlineData("bonjour bonjour")]
    [InlineData("oui oui")]
    [InlineData("no no no")]
    [InlineData("salut salut")]
    [InlineData("what? what?")]
    [InlineData("quoi quoi")]
    public void OrdinaryMessages_WithTheseFamiliesWords_AreNotCrisis(string text)
    {
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            Assert.NotEqual(ScopeKind.Crisis, Recognizer.Recognize(text, language).Kind);
        }
    }

    [Theory]
    [InlineData("Are residents allowed on social media during their stay?")]
    [InlineData("Les résidentes ont-elles droit aux réseaux sociaux pendant leur séjour?")]
    public void ThePersonRule_HoldsOnlyInTheMessagesOwnLanguage(string text)
    {
        // Read in the other language, the message has none of that language's social-media or policy words and
        // "residents" / "résidentes" is a person: the broad rule that errs toward crisis must not apply there.
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            Assert.Equal(ScopeKind.None, Recognizer.Recognize(text, language).Kind);
        }
    }

    [Theory]
    [InlineData("Is scrolling TikTok at my desk treated differently than texting?")] // "treated" is not a slip of "threat"
    [InlineData("A company is billing us for a stock photo we posted, do we have to pay?")] // "billing" is not a slip of "killing"
    [InlineData("Can we do a photo shoot with the staff for Instagram?")]
    [InlineData("On veut en finir avec les trolls sur notre page")]
    [InlineData("Une résidente veut se couper des réseaux sociaux quelque temps")]
    [InlineData("Ce commentaire viole nos règles, on l'enlève?")]
    [InlineData("Comment je publie une photo de notre local?")]
    [InlineData("on fait quoi avec les cells des residentes le soir??")] // residents' phones: a question about devices, not a person in danger
    public void OrdinaryPolicyQuestions_WithWordsThatLookDangerous_AreNotCrisis(string text)
    {
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            Assert.NotEqual(ScopeKind.Crisis, Recognizer.Recognize(text, language).Kind);
        }
    }

    [Fact]
    public void ThreatPostedOnThePage_IsCrisis_AndSaysItIsAboutSocialMedia()
    {
        var posted = Recognizer.Recognize("a guy posted under our photo that he'll shoot the staff", Language.En);
        var atTheDoor = Recognizer.Recognize("a guy is at the door and says he'll shoot the staff", Language.En);

        Assert.Equal((ScopeKind.Crisis, true), (posted.Kind, posted.AboutSocialMedia));
        Assert.Equal((ScopeKind.Crisis, false), (atTheDoor.Kind, atTheDoor.AboutSocialMedia));
    }

    [Theory]
    [InlineData("he is outside with a gun", "fr", "en")]
    [InlineData("il est dehors avec un fusil", "en", "fr")]
    public void TheMessageLanguage_NotTheTeamsLocale_DecidesTheReplyLanguage(string text, string locale, string expected)
    {
        var result = Recognizer.Recognize(text, Languages.Parse(locale));

        Assert.Equal(ScopeKind.Crisis, result.Kind);
        Assert.Equal(Languages.Parse(expected), result.Language);
    }

    [Theory]
    [InlineData("salut", ScopeKind.Greeting)]
    [InlineData("Good evening everyone", ScopeKind.Greeting)]
    [InlineData("merci mille fois", ScopeKind.Thanks)]
    [InlineData("thank you so much!", ScopeKind.Thanks)]
    [InlineData("bonjour, une résidente veut publier une photo", ScopeKind.None)]
    [InlineData("asdf qwerty zxcv", ScopeKind.None)]
    [InlineData("", ScopeKind.None)]
    public void GreetingsAndThanks_AreTheWholeMessage(string text, ScopeKind expected) =>
        Assert.Equal(expected, Recognizer.Recognize(text, Language.Fr).Kind);

    /// <summary>
    /// Hellos and goodbyes that name the shift (`shift-talk` in concepts.json): the office word "shift" made the rules
    /// call them unrelated. With a greeting or thanks word and nothing but filler and words of a shift, they are small talk.
    /// </summary>
    [Theory]
    [InlineData("en", "shift's over, heading home, good night", ScopeKind.Thanks)]
    [InlineData("en", "good morning from the overnight", ScopeKind.Greeting)]
    [InlineData("en", "hi, weekend staff here, just checking in", ScopeKind.Greeting)]
    [InlineData("fr", "mon quart est fini, je rentre chez nous, bonne nuit", ScopeKind.Thanks)]
    [InlineData("fr", "bonsoir, c'est moi de l'équipe de nuit", ScopeKind.Greeting)]
    [InlineData("en", "who covers my shift tomorrow", ScopeKind.Unrelated)]
    [InlineData("fr", "qui me remplace sur mon quart demain", ScopeKind.Unrelated)]
    public void AHelloOrGoodbyeThatNamesTheShift_IsSmallTalk(string lang, string text, ScopeKind expected) =>
        Assert.Equal(expected, Recognizer.Recognize(text, Languages.Parse(lang)).Kind);

    /// <summary>
    /// Thanks for the help is not a cry for help: "thank you for your help, now…" read "help now" (a cry) across the
    /// comma. The crisis rules on a cry leave out help that is being thanked for; a cry is still a cry.
    /// </summary>
    [Theory]
    [InlineData("en", "thank you for your help, now I get it", false)]
    [InlineData("en", "thanks for the help, now we know what to do", false)]
    [InlineData("fr", "merci pour ton aide, maintenant je comprends", false)]
    [InlineData("en", "gotta run, thanks", false)]
    [InlineData("fr", "ça sera toute pour à soir", false)]
    [InlineData("en", "help now he is at the door", true)]
    [InlineData("fr", "aidez-moi vite il est là", true)]
    public void ThanksForTheHelp_IsNotACryForHelp(string lang, string text, bool crisis) =>
        Assert.Equal(crisis, Recognizer.Recognize(text, Languages.Parse(lang)).Kind == ScopeKind.Crisis);

    /// <summary>
    /// French "a aidé" (has helped) folds to the same words as « à l'aide » (a cry), and "aidé il y a" (helped … ago) to
    /// « aide il »: a thank-you to a resident who helped in the kitchen got the safety card. Those cries are now crises only
    /// as the whole message (with words of a plea), or beside another sign of danger, as before.
    /// </summary>
    [Theory]
    [InlineData("On veut remercier une résidente qui a aidé à la cuisine, sans son nom. Ça passe?", false)]
    [InlineData("une bénévole nous a aidé il y a deux semaines pour la page, on peut la remercier en ligne?", false)]
    [InlineData("à l'aide", true)]
    [InlineData("À L'AIDE", true)]
    [InlineData("à l'aide svp vite", true)]
    [InlineData("aide elle saigne", true)]
    [InlineData("aide il est dans la cour", true)]
    public void HasHelped_IsNotACryForHelp(string text, bool crisis) =>
        Assert.Equal(crisis, Recognizer.Recognize(text, Language.Fr).Kind == ScopeKind.Crisis);

    /// <summary>"Killing time" / « tuer le temps » is waiting, not a threat; a threat said beside it still is one.</summary>
    [Theory]
    [InlineData("en", "just killing time till the day staff show up", false)]
    [InlineData("fr", "je tue le temps en attendant la relève", false)]
    [InlineData("en", "he is killing time outside until she comes out, he said he will kill her", true)]
    [InlineData("fr", "il tue le temps dehors en attendant qu'elle sorte, il a un couteau", true)]
    public void KillingTime_IsNotAThreat(string lang, string text, bool crisis) =>
        Assert.Equal(crisis, Recognizer.Recognize(text, Languages.Parse(lang)).Kind == ScopeKind.Crisis);

    /// <summary>
    /// A fire caught in a room and glass heard breaking are happening now; a letter to each of her children is a
    /// farewell. A broken window to repair and letters to donors are not. (Seen in the seventeenth round's training
    /// authors: each of the three crisis messages they missed had one of these and no other sign.)
    /// </summary>
    [Theory]
    [InlineData("en", "the space heater in room 4 caught the curtains", true)]
    [InlineData("fr", "la chaufferette a pogné dans les rideaux", true)]
    [InlineData("en", "I can hear glass breaking downstairs", true)]
    [InlineData("fr", "y'a un bruit de vitre cassée dans la cuisine", true)]
    [InlineData("en", "she wrote letters to each of her kids tonight and sealed them", true)]
    [InlineData("fr", "elle a écrit une lettre à chacun de ses enfants pis elle me demande l'heure des rondes", true)]
    [InlineData("en", "the window in room 3 is broken, can maintenance fix it this week", false)]
    [InlineData("en", "we wrote letters to each of the donors for Christmas, can we post a thank-you on Facebook too?", false)]
    [InlineData("fr", "on a écrit une lettre à chacun de nos donateurs, est-ce qu'on peut les remercier sur Facebook?", false)]
    public void FireGlassAndFarewellLetters_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// A heart attack or a stroke told by what is seen, a call cut off when someone tore the phone from her, and a
    /// house's colour code are danger now; the same words about a matter that is over or a drill are not. (Seen in
    /// two later training authors' danger messages, at their first run: a29 138/140, a30 136/140.)
    /// </summary>
    [Theory]
    [InlineData("en", "the cook is sweating and says the chest pain is going down his left arm", true)]
    [InlineData("fr", "la bénévole a une douleur thoracique pis elle est toute blanche", true)]
    [InlineData("en", "I was on video with a resident's sister, a man grabbed her phone and then nothing", true)]
    [InlineData("fr", "j'étais au téléphone avec une ancienne résidente, quelqu'un lui a arraché le cell pis plus rien", true)]
    [InlineData("en", "code violet in the kitchen", true)]
    [InlineData("fr", "code rose à l'accueil", true)]
    [InlineData("en", "a colleague had chest pains last month and is fine now, can we post a get-well message?", false)]
    [InlineData("fr", "une collègue a eu des douleurs à la poitrine le mois passé, elle va bien maintenant, on peut-tu lui souhaiter bon retour sur Facebook?", false)]
    [InlineData("en", "we practise the code pink drill next week, can we post about it?", false)]
    [InlineData("fr", "l'appel a coupé pendant la réunion Teams, tu peux me renvoyer le lien?", false)]
    public void AHeartAttackACallCutOffAndAColourCode_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Someone who harasses the page, standing at the worker's own bus stop now, is danger to her; a bus stop in a
    /// question about posting is not. (Seen in the eighteenth round's training authors: the one crisis message of 280
    /// they missed at their first run, a31 139/140 and a32 140/140.)
    /// </summary>
    [Theory]
    [InlineData("en", "the guy who spams our comments is at my bus stop and I am by myself", true)]
    [InlineData("fr", "le gars qui écrit sur notre page est à mon arrêt d'autobus pis y'a personne d'autre", true)]
    [InlineData("en", "can we post the new bus stop schedule for residents on our page?", false)]
    [InlineData("fr", "est-ce qu'on peut publier l'horaire de l'arrêt d'autobus près de la maison?", false)]
    public void SomeoneAtTheWorkersBusStop_IsReadAsItIs(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// A farewell written as thanks: thanks for everything with a sign that she will not be back (she gave her pet
    /// away, she will not bother anyone again, she will not need her bed), or joining someone in heaven. Thanks with a
    /// day off, a memorial photo, a dog kept by a sister are not. (Found by invented messages of this kind, four of ten
    /// missed — read as thanks or a greeting — before these rules; none of the training authors' calm messages or
    /// routing questions has both halves.)
    /// </summary>
    [Theory]
    [InlineData("en", "hi all, thank you for everything, I gave my cat to the lady next door, it's all sorted", true)]
    [InlineData("fr", "allô, merci pour tout, je vous achalerai plus", true)]
    [InlineData("fr", "merci pour tout les filles, bonne nuit pour toujours", true)]
    [InlineData("en", "thank you for being kind to me, I won't need my bed after tonight", true)]
    [InlineData("fr", "merci pour la soupe, je vais rejoindre ma sœur au ciel", true)]
    [InlineData("en", "she keeps saying she wants to be with her mom in heaven", true)]
    [InlineData("en", "thanks for everything, see you tomorrow!", false)]
    [InlineData("fr", "merci, vous entendrez plus parler de moi avant lundi, bonne fin de semaine", false)]
    [InlineData("en", "my grandma is in heaven, can we post a memorial photo on our page?", false)]
    [InlineData("en", "I gave my dog to my sister while I'm at the shelter, can I post pics of him?", false)]
    public void AFarewellWrittenAsThanks_IsReadAsItIs(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger hidden in a friendly or routine message (two training authors asked for exactly that, a33 and a34: 274 of
    /// their 280 at the first run; then a35, the shortest forms, 139 of 140): a man's call to come and take her and the
    /// children back within the hour, crackling behind a door, a smell of propane, a farewell that says it is not the
    /// team's fault, a father who is not allowed taking the child. And the other way: "killing it", a "killer"
    /// schedule, « une vraie tuerie », « t'es une bombe », a code drill next week and a thread under a post are not
    /// danger (the last was read as "threat" by the spelling help), nor "not your fault" with thanks or a charger hot to
    /// the touch (phrases first added from those authors' misses, narrowed after invented calm messages like these were
    /// taken for danger).
    /// </summary>
    [Theory]
    [InlineData("en", "my cousin's ex just called: he comes tonight with his brothers to take you and the kids back", true)]
    [InlineData("en", "the laundry room door is hot to the touch and something is crackling behind it", true)]
    [InlineData("fr", "ça sent le propane en bas pis j'ai mal à la tête", true)]
    [InlineData("fr", "merci pour tout, dites aux filles que c'est pas leur faute", true)]
    [InlineData("fr", "pas le droit de contact pis y l'emmène", true)]
    [InlineData("fr", "on a pas le droit de publier la photo, la résidente l'amène à la garderie demain", false)]
    [InlineData("en", "you're killing it with these answers, thanks!", false)]
    [InlineData("en", "this week's schedule is a killer, can I swap Friday?", false)]
    [InlineData("fr", "mon horaire c'est une vraie tuerie, quelqu'un veut mon samedi?", false)]
    [InlineData("fr", "merci, t'es une bombe!", false)]
    [InlineData("fr", "exercice code rouge mardi, on avertit les résidentes quand?", false)]
    [InlineData("en", "there's a thread under our post calling it fearmongering, do we answer?", false)]
    [InlineData("en", "not your fault, thanks for everything!", false)]
    [InlineData("en", "the laptop charger is hot to the touch, should I unplug it?", false)]
    public void DangerInARoutineMessage_AndAlarmingIdiomsThatAreNot_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger with none of its usual words (three more training authors, a37 to a39: 405 of their 420 at the first run):
    /// things given away with a sign she is gone, an accident or a flood happening now, CPR going on, someone who has not
    /// come back when that is not like her, a tracker's pin on the shelter's address, a message that the children will not
    /// be seen again. And their calm look-alikes: a phone given to staff for safekeeping, a CPR course, last week's fall,
    /// a basement that floods every spring, sparks last year, relief about a comment filter, someone quiet on Facebook.
    /// </summary>
    [Theory]
    [InlineData("en", "she gave her phone to her roommate and now we can't find her", true)]
    [InlineData("fr", "elle a donné sa bague à sa coloc, tout le monde va être soulagé qu'elle dit", true)]
    [InlineData("en", "our cook fell off the ladder in the pantry and there's a bone sticking out", true)]
    [InlineData("fr", "RCR en cours dans la salle commune, je fais quoi avec les enfants", true)]
    [InlineData("en", "the sump pump died and the water is coming in fast, six women sleep downstairs", true)]
    [InlineData("en", "the girl in 2 didn't come home from school, it's not like her at all", true)]
    [InlineData("en", "her ex's location pin is on our address", true)]
    [InlineData("fr", "Messenger du père : rendez-les ce soir sinon vous les reverrez jamais", true)]
    [InlineData("en", "A resident gave her phone to staff for safekeeping during group, is that in the policy?", false)]
    [InlineData("en", "Photos of volunteers doing cpr at the first aid course, ok to post?", false)]
    [InlineData("en", "He fell off the ladder putting up the banner last week, can we post a get well soon message?", false)]
    [InlineData("fr", "Le sous-sol est inondé chaque printemps, on peut faire une collecte de fonds sur la page?", false)]
    [InlineData("en", "Our old dryer was throwing sparks last year, can we thank the electrician on our page?", false)]
    [InlineData("en", "Everyone will be relieved once the comment filter is on. How do we set it up for the page?", false)]
    [InlineData("fr", "Elle répond pas sur Messenger, c'est pas son genre, on peut lui écrire sur sa page?", false)]
    public void DangerWithoutItsUsualWords_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger typed as a run of words without spaces, or as a symbol (three more training authors, a40 to a42: 413 of
    /// their 420 at the first run; one run of glued words and two emoji were among the misses). The run is read as its
    /// words and "🆘" / "🔫" as the word each stands for. A real word the bot does not know is not cut into others
    /// ("therapist" is not "the rapist"), and a run of too few words is left as typed.
    /// </summary>
    [Theory]
    [InlineData("fr", "ilestdehorsetjepeuxpasbarrerlaporte", true)]
    [InlineData("en", "heisoutsidethedoorwithaknife", true)]
    [InlineData("fr", "🆘 salle commune", true)]
    [InlineData("en", "🔫 front door", true)]
    [InlineData("en", "my therapist says hi", false)]
    [InlineData("fr", "un article sur le désarmement nucléaire, on peut le partager?", false)]
    [InlineData("en", "greatjobeveryone on the post today", false)]
    public void DangerTypedWithoutSpacesOrAsASymbol_IsReadAsItsWords(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// A drink that was spiked, with what it does now; a teen whom a man who gives her gifts is picking up (« une jeune
    /// de », "a teen" are words for a child now); and their calm look-alikes: an awareness post about spiked drinks, a
    /// teen's prom photo, a teen group's picnic photos. « donne » (gives) was read as « données » (data), an awareness
    /// word that stops the rules about a child being taken: « données » is now matched as written.
    /// </summary>
    [Theory]
    [InlineData("fr", "le drink qu'un gars y a payé goûtait bizarre, a tient pu debout pis a parle pu clair", true)]
    [InlineData("fr", "son verre goûtait drôle, asteure a tient pu debout", true)]
    [InlineData("fr", "une jeune de 15 nous dit qu'un homme qui lui donne des cadeaux passe la prendre ce soir", true)]
    [InlineData("en", "a teen says a man she met online is picking her up after supper", true)]
    [InlineData("en", "Can we share an awareness post about drinks being spiked at bars?", false)]
    [InlineData("fr", "une jeune de 16 ans veut publier sa photo de bal, on dit quoi?", false)]
    [InlineData("en", "our teen group wants to post photos from the picnic, ok?", false)]
    [InlineData("fr", "Le ministère a publié des données sur les refuges, on peut les partager?", false)]
    public void ASpikedDrinkOrATeenLured_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger announced by someone else, or given as an order (three more training authors, a43 to a45: an ankle monitor's
    /// alert, a man released or walked away from custody, a cab followed, a second worker paged, families moved out
    /// tonight, a suspicious package, someone pouring gas, a police car sent for, the house's code and everyone in the
    /// office until further notice, a photo with the shelter's door behind, a child told to hide his mother's phone).
    /// "new" and « nouvel » are no longer read as "news" / « nouvelles » (awareness words, which stop many rules), and
    /// "circle" is no longer put right into "circled". And their calm look-alikes.
    /// </summary>
    [Theory]
    [InlineData("en", "monitoring company just called, his ankle monitor alert says he's in the exclusion zone", true)]
    [InlineData("en", "the taxi driver says her ex followed the cab from the depot", true)]
    [InlineData("en", "page whoever's on call, I need a second person here now", true)]
    [InlineData("en", "we have to move them out of here tonight, call the other shelter", true)]
    [InlineData("en", "suspicious package taped to the wall by the back door", true)]
    [InlineData("en", "camera shows a man pouring gas along the side door", true)]
    [InlineData("en", "the driver who brought our new resident says her ex followed them all the way here", true)]
    [InlineData("fr", "la police vient d'appeler, ils l'ont relâché ce matin", true)]
    [InlineData("fr", "envoyez une auto-patrouille au 12 rue Inventée-Test", true)]
    [InlineData("fr", "code blanc, tout le monde dans le bureau jusqu'à nouvel ordre", true)]
    [InlineData("fr", "colis suspect collé avec du tape sous la galerie", true)]
    [InlineData("fr", "son ex a publié une photo avec notre porte en arrière-plan", true)]
    [InlineData("fr", "le petit dit que son père lui a dit de cacher le cell de maman dans son sac", true)]
    [InlineData("en", "Our new volunteer asked if the drop-in circle moved rooms", false)]
    [InlineData("en", "Our drop-in circle moved rooms, can I post the new room on Insta?", false)]
    [InlineData("en", "A news story says a man was released today, can we share it on our page?", false)]
    [InlineData("en", "For the fire drill everyone in the office until further notice, then can we post a photo?", false)]
    [InlineData("fr", "On peut-tu publier une photo de notre enseigne sur Facebook?", false)]
    [InlineData("fr", "Pour l'exercice d'évacuation, faut sortir tout le monde en 3 minutes, on peut publier le résultat?", false)]
    public void DangerAnnouncedByOthersOrGivenAsAnOrder_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger shouted as a room and a number, or come through a device or an account right now (three more training
    /// authors, a46 to a48: a room typed in capitals, a tracker beeping, a device that someone else has switched on, the
    /// door code posted, someone writing to the women from a worker's account for their address, a teen in a stranger's
    /// car on a live, "which car is hers", a resident not back and a pill bottle on her story, an ex's status set to
    /// widowed). And their calm look-alikes: a room for a meeting, a tracker or a hacked monitor asked about, a reminder
    /// about the door code, admin access lost last year.
    /// </summary>
    [Theory]
    [InlineData("en", "ROOM 4!!", true)]
    [InlineData("fr", "CHAMBRE 3", true)]
    [InlineData("en", "RM 2 NOW", true)]
    [InlineData("en", "the airtag is beeping in her coat right now", true)]
    [InlineData("fr", "le airtag sonne dans le sac du petit", true)]
    [InlineData("en", "someone posted the door code in the residents' group chat", true)]
    [InlineData("fr", "quelqu'un utilise le compte de Zoé-Test pis leur demande leur adresse", true)]
    [InlineData("en", "the teen in 4 is live on Snap in a stranger's car", true)]
    [InlineData("en", "someone on our Insta keeps asking which car is hers", true)]
    [InlineData("en", "still nothing from her since last night, and her story shows a pill bottle", true)]
    [InlineData("fr", "toujours rien de Madame X depuis hier pis son ex a mis son statut à veuf", true)]
    [InlineData("en", "Room 3 is free for the meeting", false)]
    [InlineData("fr", "Bureau 2 pour la formation de demain", false)]
    [InlineData("en", "What should a resident do if she finds an AirTag in her bag?", false)]
    [InlineData("en", "Should residents worry about baby monitor apps being hacked?", false)]
    [InlineData("fr", "Est-ce qu'on peut publier un rappel de ne jamais partager le code de la porte?", false)]
    [InlineData("fr", "On a perdu l'accès admin à la page l'an passé, comment on nomme une deuxième admin?", false)]
    public void DangerShoutedAsARoomOrComeThroughADevice_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger that arrives as a post, a comment or a DM and is asked about in policy words, or is passed on in someone
    /// else's words (three more training authors, a49 to a51: a witness told she "won't testify", "she'll find out what
    /// happens" on a day that is today, a woman held who writes from a friend's tablet, "stay right there" under a
    /// resident's live location, an assault seen on a live now, a child's disclosure with a threat). A veiled threat on
    /// social media that is over ("last year") or a what-if is no longer read as danger now. And calm look-alikes.
    /// </summary>
    [Theory]
    [InlineData("en", "the little one said if I tell what daddy does to my sister he'll put us in the lake", true)]
    [InlineData("en", "a reply on our post says Friday 7pm at the arena, she'll find out what happens, and it's Friday", true)]
    [InlineData("fr", "un commentaire sous notre publication : elle témoignera pas demain", true)]
    [InlineData("en", "DM to the page: he took my phone and my shoes, won't let me leave, using a friend's tablet", true)]
    [InlineData("fr", "message sur la page : y me laisse pas sortir pis y m'a pris mon cell", true)]
    [InlineData("en", "resident's story shows her live location and someone replied stay right there", true)]
    [InlineData("fr", "sur sa story avec sa localisation quelqu'un a répondu : bouge pas de là", true)]
    [InlineData("fr", "sur le live on voit qu'elle se fait brasser en ce moment", true)]
    [InlineData("en", "Last year someone commented stay right there under a resident's story; how do we archive such comments?", false)]
    [InlineData("en", "Can we post a reminder to check tires after the vandalism in the neighbourhood last month?", false)]
    [InlineData("fr", "Un atelier sur le dévoilement : quoi faire quand un enfant parle de ce que papa fait à sa mère?", false)]
    public void DangerPostedOrPassedOn_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger to an older or disabled woman, from inside the house, or one line among ordinary ones (three more training
    /// authors, a52 to a54: an oxygen line cut, someone heard hiding in a room, a partner let into the hallway). And
    /// calm look-alikes: an oxygen tank in a picnic photo, a courier in the hallway, a fire drill.
    /// </summary>
    [Theory]
    [InlineData("en", "oxygen unplugged and the tube cut clean, only the portable tank left, two hours", true)]
    [InlineData("fr", "son oxygène débranché pis le tube d'oxygène coupé, on a juste la bonbonne", true)]
    [InlineData("en", "the laundry room door keeps moving and I heard a cough in there", true)]
    [InlineData("fr", "j'entends quelqu'un dans la salle de lavage, tout le monde dort", true)]
    [InlineData("fr", "1) le papier 2) son ex est dans le corridor, quelqu'un l'a laissé entrer", true)]
    [InlineData("en", "Can we post a photo of a resident with her oxygen tank at the picnic?", false)]
    [InlineData("fr", "Le livreur attend dans le corridor, on publie l'horaire des livraisons?", false)]
    [InlineData("en", "Is it ok to post about our fire drill where we checked the basement?", false)]
    public void DangerToAnOlderWomanOrFromInsideTheHouse_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger from the misses of three more training authors (a55 to a57: the first fast message, a report about someone
    /// else, danger inside something else): a woman out of reach while the man is seen near, threats that name no
    /// weapon, a beating heard in everyday words, a farewell to a child with the means, all the pills taken then sleep, a
    /// ligature in a room, marks of strangling. And calm look-alikes: a ligature audit, a courier seen in the area,
    /// leftovers taken before a good night.
    /// </summary>
    [Theory]
    [InlineData("en", "Pat-Test not back since yesterday, phone goes straight to voicemail, her ex was seen in the area", true)]
    [InlineData("fr", "Léa-Test pas revenue, direct sur la boîte vocale, son ex a été vu dans le coin", true)]
    [InlineData("en", "guy on the phone again: nobody in that house wakes up if she stays", true)]
    [InlineData("fr", "il a écrit à la page que personne va se réveiller demain dans cette maison-là", true)]
    [InlineData("en", "neighbour is getting roughed up in the yard", true)]
    [InlineData("fr", "texto de la 2 : dis à ma fille que je l'aime, j'ai la corde", true)]
    [InlineData("en", "took all my meds, going to sleep now", true)]
    [InlineData("fr", "j'ai pris tout le pot, vais dormir", true)]
    [InlineData("en", "ligature in 4", true)]
    [InlineData("en", "found a ligature in room 2", true)]
    [InlineData("fr", "ligature dans la salle de bain du 3", true)]
    [InlineData("en", "the boy has finger marks on his neck and the stepdad picks him up at 4", true)]
    [InlineData("en", "We have a ligature audit next month, who should I ask about it?", false)]
    [InlineData("fr", "Vérification des points d'ancrage pour les ligatures le mois prochain, qui s'en occupe?", false)]
    [InlineData("fr", "Le livreur a été vu dans le coin ce matin avec les boîtes de dons", false)]
    [InlineData("en", "I took everything that was left on the printer, good night all", false)]
    [InlineData("fr", "On a pris tout ce qui restait du souper pour les lunchs de demain, bonne nuit", false)]
    [InlineData("en", "Thanks for all the help today, good night everyone", false)]
    public void DangerOutOfReachOrSaidPlainly_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger from the misses of three more training authors (a59 to a61: the woman in danger speaking, numbers and
    /// logistics, very short and very long): a threat about Christmas addressed to her, someone missing for hours, an
    /// older woman wandered off in the cold, an opioid with sleep coming, « Madame » cutting herself. And calm
    /// look-alikes: a toy drive, a lost cat on the page, a wind-chill warning, a training on fentanyl.
    /// </summary>
    [Theory]
    [InlineData("fr", "il a écrit sur mon mur que je verrais pas noël", true)]
    [InlineData("fr", "y m'a écrit : tu verras pas noël", true)]
    [InlineData("en", "Jo-Test missing since lunch", true)]
    [InlineData("fr", "Mia-Test introuvable depuis 5h ce matin", true)]
    [InlineData("fr", "elle est sortie dehors toute seule en pantoufles, il fait noir", true)]
    [InlineData("en", "two fentanyl patches on and falling asleep as I type", true)]
    [InlineData("en", "fentanyl, cant stay awake", true)]
    [InlineData("fr", "j'ai mis deux patchs de fentanyl, je m'endors", true)]
    [InlineData("fr", "Madame Z-Test se coupe encore", true)]
    [InlineData("en", "Can we post our toy drive? Some kids won't see Christmas presents without you", false)]
    [InlineData("en", "The house cat has been missing since Monday, can we post a photo on our page?", false)]
    [InlineData("en", "Wind chill warning tonight, night staff bring warm slippers", false)]
    [InlineData("fr", "Formation sur le fentanyl et la naloxone jeudi, je m'endors juste à lire le programme", false)]
    public void DangerMissingForHoursOrSaidToHer_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Danger from the misses of three more training authors (a62 to a64: technology now, danger announced by others,
    /// typed fast and badly): what a man says while he beats her, an appliance sparking and smoking, a threat to find
    /// her posted from her own account. And calm look-alikes: a post on ice safety, a training on low blood sugar, a
    /// smoke detector's battery.
    /// </summary>
    [Theory]
    [InlineData("en", "voice note from Bea-Test: crying, a bang, him saying look what you made me do", true)]
    [InlineData("en", "the dryer is sparking and now smoking", true)]
    [InlineData("en", "microwave smokin and the wall is black", true)]
    [InlineData("en", "her account was hacked and he posted last pic before i find her", true)]
    [InlineData("fr", "quelqu'un publie sur son compte « profitez-en avant que je la retrouve »", true)]
    [InlineData("en", "Can we share a post about what to do if someone falls through the ice?", false)]
    [InlineData("en", "Training video on low blood sugar signs for staff, can we post it on the page?", false)]
    [InlineData("fr", "Le détecteur de fumée de la cuisine bippe, la pile est faible, qui en a?", false)]
    public void DangerHeardOrPostedNow_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the misses of three more training authors (a65 to a67: understatement, dictated or second-language messages,
    /// danger put as a question): a woman who sends where she is and then goes silent, or says in Spanish that she
    /// cannot get out. And the calm questions those authors' data showed the rules taking for danger: a comment said
    /// plainly not to be a threat, a violent ex of years ago, a protest photo (« manifestation » was read as glued words
    /// holding "nife"), an evacuation drill, « rien de grave ».
    /// </summary>
    [Theory]
    [InlineData("fr", "Madame Y-Test m'a envoyé sa localisation pis plus rien depuis", true)]
    [InlineData("en", "Resident-Test sent her location and then nothing, not answering", true)]
    [InlineData("fr", "texto de Señora Z-Test : no puedo salir", true)]
    [InlineData("en", "A commenter keeps saying shelters break up families. Nothing threatening, just tiring. Do we hide it?", false)]
    [InlineData("fr", "Un compte commente que c'est de la propagande, pas de menace. On masque?", false)]
    [InlineData("en", "A coworker left a violent husband years ago; how do we keep her out of our photos?", false)]
    [InlineData("fr", "Une collègue a eu un ex violent il y a longtemps, elle veut pas être sur nos photos. On fait comment?", false)]
    [InlineData("fr", "Peut-on publier la photo de la manifestation de samedi si on floute les visages?", false)]
    [InlineData("fr", "On a fait l'exercice d'évacuation incendie ce matin, on peut publier une photo de l'équipe?", false)]
    [InlineData("fr", "Des femmes nous écrivent sur Messenger, rien de grave. On leur répond quoi selon le guide?", false)]
    public void DangerSentThenSilentOrCannotLeave_AndCalmQuestionsSaidNotToBeDanger_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From three more training authors (a68 to a70: who is in danger varies, danger in a team channel, remote and
    /// northern places): a child who did not come back from school or a visit (« came back from » is a calm phrase, so
    /// the rule does not stop on it). And the calm questions their data showed the rules taking for danger most: a
    /// threat the message says is over, last season or years ago.
    /// </summary>
    [Theory]
    [InlineData("en", "Resident-Test's son (9) didn't come back from school and his phone is off", true)]
    [InlineData("fr", "la petite de Madame X-Test est pas revenue de l'école pis y'est 18h", true)]
    [InlineData("en", "Last winter a man posted a threat under our page and it was handled. Should our policy say to screenshot first?", false)]
    [InlineData("fr", "L'automne passé, une menace a été publiée sous notre page, c'est réglé. La politique devrait-elle prévoir une capture d'écran?", false)]
    [InlineData("en", "A resident's son didn't come back to homework club this week, can we post a reminder on our page?", false)]
    public void DangerAChildNotBack_AndAThreatThatIsOver_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From three more training authors (a71 to a73: forms of violence less often named, danger told with nervous
    /// humour, the justice system now): a woman gone silent after the man took her, or whose shared location stopped at
    /// his place; a woman filmed bound; a kitchen hood in flames (an extinguisher in the message is no longer a reason
    /// to call it calm); the man standing between the workers and their van. And calm look-alikes.
    /// </summary>
    [Theory]
    [InlineData("fr", "Madame Y-Test est partie avec son chum ce matin, cell fermé depuis", true)]
    [InlineData("en", "Resident-Test's ex picked her up at noon and her phone goes straight to voicemail", true)]
    [InlineData("en", "her location sharing stopped at his place and she didn't come back last night", true)]
    [InlineData("fr", "y'a une vidéo où on la voit ligotée dans un char", true)]
    [InlineData("fr", "le grille-pain est en flammes dans la cuisine, on a un extincteur mais", true)]
    [InlineData("en", "the man from her protection order is between us and the van", true)]
    [InlineData("en", "Our hands are tied by the policy on staff accounts, right?", false)]
    [InlineData("fr", "Une résidente est pas revenue au groupe d'écriture, on peut lui écrire sur Messenger?", false)]
    public void DangerGoneSilentBoundOrBlocked_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From three more training authors (a74 to a76: a chat's first message, formal administrative wording, heavy
    /// typos): a resident with dementia gone out alone; a woman running toward the train tracks; a fight in progress
    /// written as an incident report; a woman made to get into a car against her will; someone who never showed up
    /// and cannot be reached; sparks and smoke from an appliance. And threat questions asked for a procedure, or in
    /// theory, which are not danger now.
    /// </summary>
    [Theory]
    [InlineData("en", "Resident-Test's mother has dementia and she wandered out of the common room a while ago", true)]
    [InlineData("fr", "la mère de Madame Y-Test fait de l'alzheimer et elle est partie dehors toute seule", true)]
    [InlineData("en", "she bolted toward the train tracks, we are running after her", true)]
    [InlineData("fr", "elle est partie en courant vers la track du train", true)]
    [InlineData("fr", "Incident en cours au 3e : voies de fait entre deux usagères fictives", true)]
    [InlineData("en", "Resident-Test was forced into a car in front of the corner store", true)]
    [InlineData("fr", "un témoin l'a vue monter contre son gré dans une fourgonnette", true)]
    [InlineData("en", "the volunteer never showed up with Resident-Test at the clinic and both phones are off", true)]
    [InlineData("fr", "Madame Y-Test ne s'est pas présentée à la clinique et ne répond pas depuis midi", true)]
    [InlineData("en", "the kettle blew sparks and the outlet behind it is black", true)]
    [InlineData("fr", "pour notre procédure : si quelqu'un écrit une menace sous une publication, on fait quoi?", false)]
    [InlineData("en", "Hypothetically, if a comment threatens a worker by name, what does the policy ask of us?", false)]
    [InlineData("fr", "c'est réglé depuis, mais quelqu'un avait écrit « tu vas le regretter », on l'archive?", false)]
    [InlineData("fr", "quand est la prochaine réunion d'équipe", false)]
    public void DangerFromFormalOrHastyReports_AndThreatQuestionsForAProcedure_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From three more training authors (a77 to a79: report-like wording, typed in haste on a phone, danger relayed
    /// second-hand): a threat that names the staff's schedule or the children's van; a birth that cannot wait; a woman
    /// kept in a room or a cabin; contact lost while her ex was there; a box cutter; a last shared location; a deep cut
    /// that keeps bleeding; a girl not back from school while an account writes to her (from a80 to a82). And a first
    /// day's greeting in social work, which is not labour; fourteen years of service, which is not a child's age.
    /// </summary>
    [Theory]
    [InlineData("en", "message on the page: he will make an example of the night staff", true)]
    [InlineData("fr", "texto d'un numéro inconnu : « je connais votre horaire, je vais vous attendre »", true)]
    [InlineData("en", "Resident-Test is in labour in the common room and the cab is not coming", true)]
    [InlineData("fr", "Madame Y-Test a perdu ses eaux dans la salle commune, pas de voiture", true)]
    [InlineData("en", "a woman wrote that her boyfriend is keeping her in a motel room on a fictive highway", true)]
    [InlineData("fr", "une femme nous écrit qu'il la retient dans un chalet, elle sait pas où", true)]
    [InlineData("en", "we lost contact with Resident-Test at the courthouse and her ex was there too", true)]
    [InlineData("en", "a resident has a box cutter out in the kitchen", true)]
    [InlineData("en", "she went for coffee with her ex, phone goes straight to voicemail, last shared location a back road", true)]
    [InlineData("fr", "elle s'est coupée profond avec la râpe, ça gicle", true)]
    [InlineData("en", "Resident-Test cut deep on the slicer and it won't stop bleeding", true)]
    [InlineData("fr", "personne l'a vue depuis l'audience, pis lui est sorti en même temps qu'elle", true)]
    [InlineData("en", "comment under our bake sale post: Resident-Test won't make it to her court date", true)]
    [InlineData("fr", "la fille de Madame Y-Test (13 ans) est pas rentrée de l'école, un compte lui écrit sur Instagram", true)]
    [InlineData("fr", "Bonjour, je suis stagiaire en travail social, première journée!", false)]
    [InlineData("en", "drafting scenario: a threatening comment sits on the page all weekend, what should the policy say?", false)]
    [InlineData("fr", "Une collègue qui travaille ici depuis 14 ans est pas rentrée de son congé, on l'annonce sur la page?", false)]
    public void DangerOnAScheduleInACabinOrCutOff_AndDraftingScenarios_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From three more training authors (a83 to a85: danger played down, follow-ups in a running chat, young staff's
    /// slang): a pregnant woman with the signs that cannot wait; an ex who says he will be waiting; an overdose typed
    /// « surdosage », lips gone purple; a live location and then silence. And what is calm: a pregnant worker in a
    /// photo, a keynote someone "killed", « ça tue » said of a reel, whether to answer a comment that disputes figures;
    /// and gunshots that are a video's sound effects (a86 to a88: anger and swearing, danger away from the shelter,
    /// danger told by the senses only, had no danger message the rules and the model missed).
    /// </summary>
    [Theory]
    [InlineData("fr", "Madame Y-Test est enceinte de sept mois, elle voit flou pis elle a un mal de tête terrible", true)]
    [InlineData("en", "Resident-Test is 30 weeks pregnant and bleeding in the bathroom", true)]
    [InlineData("en", "her ex texted that he will be waiting by her car at the end of her shift", true)]
    [InlineData("fr", "son ex lui a écrit qu'il va l'attendre à la sortie de la garderie", true)]
    [InlineData("fr", "je pense qu'il a fait un surdosage dans la toilette", true)]
    [InlineData("en", "she's slumped on the couch and her lips are purple", true)]
    [InlineData("fr", "elle m'a partagé sa localisation, depuis plus rien", true)]
    [InlineData("fr", "Peut-on publier la photo de notre coordonnatrice enceinte au gala?", false)]
    [InlineData("en", "our coordinator killed it at the fundraiser, can we post the video?", false)]
    [InlineData("fr", "ce montage-là ça tue, on le partage sur notre page?", false)]
    [InlineData("fr", "Quelqu'un écrit que nos statistiques sont gonflées. On répond ou on laisse faire?", false)]
    [InlineData("en", "the reel for our vigil has gunshot sound effects, too much for the page?", false)]
    public void DangerPlayedDownOrTypedInSlang_AndItsCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From six English-only authors (a89 to a91: plain staff English, danger only implied, English as a second language;
    /// a92 to a94: rural and northern Canada, medical emergencies, flat reports): a threat to throw acid; a woman not back
    /// from court or a clinic with a vehicle seen leaving right after her; a drive overdue where there is no signal; a
    /// phone's location at his address. And what is calm: a laptop not returned, a volunteer who has checked in, a
    /// missing person in a procedure's draft.
    /// </summary>
    [Theory]
    [InlineData("en", "text from an unknown number: acid in her face tomorrow morning", true)]
    [InlineData("fr", "texto d'un numéro inconnu : de l'acide au visage demain matin", true)]
    [InlineData("en", "Resident-Test didn't return from the clinic and a truck was seen leaving right after her", true)]
    [InlineData("en", "a resident didn't return the laptop she borrowed, can she still use the page's account?", false)]
    [InlineData("en", "the volunteer and Resident-Test haven't checked in, two hours late, and there's no cell service on that road", true)]
    [InlineData("fr", "la bénévole pis Madame Y-Test ont pas donné de nouvelles, trois heures de retard, pas de réseau sur le rang Fictif", true)]
    [InlineData("en", "Resident-Test's phone location now shows his address and she left an hour ago", true)]
    [InlineData("en", "the volunteer has checked in from the cottage, no cell service there, can she post the photos later?", false)]
    [InlineData("en", "if a resident goes missing and her ex is involved, can we post her photo on our page? drafting the procedure", false)]
    public void SomeoneMissingOrOverdue_AndAnAcidThreat_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From three more English-only authors (a95 to a97: typed in a hurry, told second-hand, buried in routine): a woman
    /// not back with her ex involved or her phone off; a return time long past; a carbon monoxide alarm with people
    /// unwell; an electrical panel smoking. And what is calm: the alarm's battery, a what-if for a training post, a
    /// resident who smokes, a noisy dryer, a workshop she did not come back to.
    /// </summary>
    [Theory]
    [InlineData("en", "Resident-Test went to see her ex at noon and hasn't come back, it's 6 now", true)]
    [InlineData("en", "she didnt come back from the lawyer's office and her phone off since 2", true)]
    [InlineData("en", "Madame X was supposed to be back by 9, she left with her ex, location off", true)]
    [InlineData("fr", "Madame X devait être revenue à 21h, elle est partie avec son ex", true)]
    [InlineData("en", "co alarm going nuts in the basement and two of the kids are dizzy and throwing up", true)]
    [InlineData("fr", "le détecteur de monoxyde sonne pis une résidente a mal à la tête, l'autre est somnolente", true)]
    [InlineData("en", "the breaker panel in the laundry room is smoking, what do i do", true)]
    [InlineData("fr", "la prise de la salle commune boucane, on fait quoi", true)]
    [InlineData("en", "the co detector keeps chirping, is it the battery?", false)]
    [InlineData("en", "our co detector flyer lists headaches and nausea as signs, can we share it on our page?", false)]
    [InlineData("en", "a resident is smoking near the dryer vent again, can I post a reminder on our page?", false)]
    [InlineData("en", "the dryer makes popping noises, who do we call to fix it?", false)]
    [InlineData("fr", "Une résidente est pas revenue à l'atelier de tricot, on peut lui écrire sur Messenger?", false)]
    public void NotBackWithHerExOrPastHerTime_AndFumesOrSmokeIndoors_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-third round's authors (a98 to a100 in English: danger told as a plain report, in the trade's
    /// shorthand, in the words of the law; a101 to a103 in French, the same three): a threat left under the door; a baby
    /// gone limp; the respondent of her order at the intercom; a resident gone AWOL on a high-risk file or out of reach;
    /// a hearing missed by a woman who never misses; not back and not answering; alarms sounding with a glow. Each
    /// danger row is read otherwise without the round's data. And what is calm: a flat battery, a sunset, a training
    /// date, who pays for an ad.
    /// </summary>
    [Theory]
    [InlineData("en", "the infant went limp and isn't feeding", true)]
    [InlineData("fr", "le bébé est tout mou pis il réagit presque pas", true)]
    [InlineData("en", "the respondent on Madame X's order is buzzing the intercom", true)]
    [InlineData("fr", "l'intimé de l'ordonnance de Madame X est à l'interphone", true)]
    [InlineData("en", "Resident-Test Q went awol last night, high-risk flag on her file", true)]
    [InlineData("en", "Resident-Test Q is awol since supper and nobody can reach her", true)]
    [InlineData("en", "Resident-Test didn't show at court this morning, she has never missed a date", true)]
    [InlineData("en", "Resident-Test P hasn't come back from the pharmacy or answered her phone since noon", true)]
    [InlineData("fr", "un papier glissé sous la porte cette nuit : je vais finir ce que j'ai commencé", true)]
    [InlineData("fr", "les détecteurs sonnent pis y'a une lueur orange en arrière du cabanon", true)]
    [InlineData("en", "alarms are going off and there's an orange glow behind the garage", true)]
    [InlineData("en", "the smoke alarm is beeping, the battery is low, who changes it?", false)]
    [InlineData("en", "Can we post a photo of the sunset with the orange glow over the shelter garden?", false)]
    [InlineData("en", "our narcan training is next week, can we post the date on our page?", false)]
    [InlineData("fr", "Si la résidente publie une annonce sur Marketplace, est-ce qu'elle va payer les frais elle-même?", false)]
    public void AThreatByHandALimpBabyOrAMissedHearing_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-fourth round's authors (a104 to a106 in English, a107 to a109 in French: staff mixing the two
    /// languages, danger to staff and to people away from the house, danger happening through social media now): a
    /// worker past her check-in with no answer or no signal, two women who never arrived hours ago, a van overdue at its
    /// last GPS ping or out of contact, a farewell posted or sent with pills, a teen gone since with her last location
    /// shared, "j'arrive" written by her ex, a stranger asking a child where she lives. Each danger row is read otherwise
    /// without the round's data. And what is calm: a worker's last evening on the job, « j'arrive pas » (I can't), an
    /// admin's last post, an admin out of reach at her cottage, a van with no GPS in the north.
    /// </summary>
    [Theory]
    [InlineData("en", "the outreach worker was supposed to check in at 2, nothing since, no answer on her cell", true)]
    [InlineData("en", "Madame X's drive to court: neither of them arrived and it's been hours", true)]
    [InlineData("fr", "la bénévole pis Madame X, aucune des deux est arrivée au palais, ça fait des heures", true)]
    [InlineData("en", "the night van is overdue, last gps ping by the quarry road", true)]
    [InlineData("en", "lost contact with the outreach van, no gps since 9", true)]
    [InlineData("fr", "on a perdu le contact avec l'intervenante, pas de gps depuis 21 h", true)]
    [InlineData("en", "a resident's story just now: good night forever, with a picture of her pills", true)]
    [InlineData("fr", "une résidente vient de publier « bonne nuit pour toujours » sur son Facebook", true)]
    [InlineData("fr", "une résidente m'écrit « c'est mon dernier soir » pis elle m'envoie une photo de ses pilules", true)]
    [InlineData("en", "a teen resident gone since 7, her last shared location is a truck stop", true)]
    [InlineData("fr", "l'ex de Madame X a écrit j'arrive sous sa photo", true)]
    [InlineData("en", "a stranger on a live stream with our 12-year-old resident is asking where she lives", true)]
    [InlineData("fr", "un inconnu en live avec la petite de Madame X lui demande à quelle école elle va", true)]
    [InlineData("fr", "Mon dernier soir de travail est vendredi, qui va gérer la page Facebook?", false)]
    [InlineData("fr", "J'arrive pas à publier sur la page, quelqu'un peut m'aider?", false)]
    [InlineData("en", "my last post as page admin goes up tomorrow, who takes over the account?", false)]
    [InlineData("en", "we lost contact with the page admin, no signal at her cottage, who else has the password?", false)]
    [InlineData("en", "The outreach van has no GPS and no cell coverage in the north, how do we post updates from there?", false)]
    public void AWorkerOutOfReachAFarewellWithPillsOrAStrangerAskingAChild_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-fifth round's authors (a110 to a112 in English, a113 to a115 in French: danger told by what the
    /// body shows, danger set for a time later today, danger told in someone else's words): a woman locked in a room or
    /// held at his place, "you'll never see your kids again", "he'd finish her", "nothing left to lose", an ankle monitor
    /// cut off, a former partner in a waiting room, flames in a bin, a real alarm that is not a drill, a woman gone to see
    /// her ex and not answering since, an assault in progress reported by the police on the phone, a car running in a
    /// closed garage with a goodbye. Each danger row is read otherwise without the round's data. And what is calm: a room
    /// "locked in" for a training, buying supplies (« acheter » is not a slip of « achever »), a car at the garage, a
    /// winter tip about cars in garages.
    /// </summary>
    [Theory]
    [InlineData("en", "Madame X is locked in a room at her ex's place, she texted us from a friend's phone", true)]
    [InlineData("en", "he texted her this morning: after the handover you'll never see your kids again", true)]
    [InlineData("en", "her husband told the worker he'd finish her once the papers are signed today", true)]
    [InlineData("en", "new DM on the page: I have nothing left to lose, see you at 8", true)]
    [InlineData("en", "probation just called: the respondent cut off his ankle monitor an hour ago", true)]
    [InlineData("en", "Resident-Test B's former partner is in the waiting room at the clinic asking for her", true)]
    [InlineData("fr", "flammes qui sortent du bac de recyclage", true)]
    [InlineData("fr", "alarme réelle, pas un exercice, tout le monde dehors", true)]
    [InlineData("fr", "Madame X est allée chez son ex à midi, toujours pas de réponse depuis", true)]
    [InlineData("fr", "le policier au téléphone dit qu'il y a une agression en cours chez Madame X", true)]
    [InlineData("fr", "une appelante dit qu'elle a le char en marche dans le garage fermé, elle voulait juste dire bye", true)]
    [InlineData("fr", "texto reçu par Madame X : tu reverras jamais tes enfants", true)]
    [InlineData("fr", "Policier au bout du fil : une femme pas vue depuis hier, on pense qu'elle est retenue chez son conjoint", true)]
    [InlineData("fr", "l'ex de Madame X a coupé son bracelet ce matin, la police nous avertit", true)]
    [InlineData("en", "We locked in a room at the library for the volunteer training, can we post the date?", false)]
    [InlineData("en", "Can we post a reminder never to leave a car running in the garage during the cold snap?", false)]
    [InlineData("en", "The van makes a noise when I brake, who books it in at the garage?", false)]
    [InlineData("fr", "je vais acheter des ampoules pour la salle commune, qui a la carte?", false)]
    [InlineData("fr", "La caisse est vide, je fais comment pour acheter du café?", false)]
    public void AWomanHeldAThreatOnHerChildrenOrAnAlarmThatIsNoDrill_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-sixth round's authors (a116 to a118 in English, a119 to a121 in French: weather, place and
    /// accident; the road; what residents and their children post or say): someone past her return time and out of
    /// reach (the rule without the question words' veto: "should have been back" holds "should"), stranded in the snow
    /// and numb with cold, a "y/n" poll on ending it, "put her in the ground", something put in her coffee and seeing
    /// double, opioids and slow breathing. Each danger row is read otherwise without the round's data. And what is calm: a late return with no one out of reach,
    /// a winter tip about being stuck in the snow, ending a post, « on arrivera jamais » about comments (« t'arriveras
    /// jamais », the one threat of the round left to the statistical layer, reads every form of « arriver »).
    /// </summary>
    [Theory]
    [InlineData("en", "the outreach worker should have been back by six and we can't reach her", true)]
    [InlineData("en", "I'm stuck in the ditch on the back road, can't feel my toes anymore", true)]
    [InlineData("en", "a resident's story has a poll: end it y/n", true)]
    [InlineData("en", "his voicemail says he'll put her in the ground before the hearing", true)]
    [InlineData("en", "Madame X says her ex put something in her coffee at the exchange and now she's seeing double", true)]
    [InlineData("en", "Resident-Test B used opioids in the van and her breathing is shallow", true)]
    [InlineData("fr", "je suis prise dans la neige sur le rang 4, je sens plus mes pieds", true)]
    [InlineData("fr", "son ex a mis quelque chose dans son café, elle voit double", true)]
    [InlineData("fr", "Madame X a pris des opioïdes, sa respiration est lente", true)]
    [InlineData("en", "We should have been back from the conference by noon but the flight was late, can we post about the delay?", false)]
    [InlineData("en", "Can we post a winter safety tip about what to do if you're stuck in the snow?", false)]
    [InlineData("en", "Should I end it here or add one more paragraph to the post?", false)]
    [InlineData("fr", "On arrivera jamais à répondre à tous les commentaires, on fait quoi?", false)]
    public void SomeoneOutOfReachPastHerTimeStrandedInTheColdOrDrugged_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-seventh round's authors (a122, a124, a126 in English, a123, a125, a127 in French: danger asked as
    /// a how-to question, exploitation and coercive control, tracking and technology): "she'll be in a box", "next time
    /// it's a bullet", "I'll break your neck", "won't be here by morning", a baby in a car with the windows up, an
    /// evacuation order with women and children inside, out of reach with her last location at his place, not back and
    /// her abuser seen nearby (a "came back from" no longer vetoes it), all her sleeping pills taken, her papers held or
    /// being moved away against her will. Each danger row is read otherwise without the round's data. And what is calm:
    /// posting an evacuation order, a hot-car tip, an appointment she came back from, a passport photo clinic, an old
    /// comment about a politician.
    /// </summary>
    [Theory]
    [InlineData("en", "his story says she'll be in a box by Friday, and he tagged our town", true)]
    [InlineData("en", "Her husband wrote her on Messenger 'I'll break your neck when you come home', she has to go back for her papers at 3, can I tell her not to go?", true)]
    [InlineData("en", "a follower wrote on our page that she won't be here by morning", true)]
    [InlineData("en", "a resident's baby is in the car in the parking lot with the windows up, it's 32 degrees", true)]
    [InlineData("en", "an evacuation order just came for our zone, 9 women and kids here, how do we get them out, which number do we phone", true)]
    [InlineData("en", "how do we word a post if she's not answering and her location stopped at her ex's 3 hrs ago", true)]
    [InlineData("en", "Resident-Test B didn't come back from her appointment and her ex was seen around here", true)]
    [InlineData("en", "Is it ok to answer a woman who DMs that she just took all her sleeping pills? I know we don't do counselling on social", true)]
    [InlineData("en", "they took her passport and she doesn't want to go with them, how can we help?", true)]
    [InlineData("fr", "Elle a reçu un courriel avec sa position exacte pis « la prochaine fois c'est une balle »", true)]
    [InlineData("fr", "une résidente a laissé son bébé dans l'auto en plein soleil, c'est quoi la politique?", true)]
    [InlineData("fr", "comment on écrit une publication si elle répond pas pis sa localisation s'est arrêtée chez son ex y'a 3 heures", true)]
    [InlineData("fr", "elle répond pas pis sa dernière position est chez lui", true)]
    [InlineData("fr", "une femme nous écrit sur Messenger qu'elle vient de prendre tous ses somnifères", true)]
    [InlineData("fr", "ils ont tous ses papiers pis elle veut pas y aller", true)]
    [InlineData("fr", "ils la déménagent à Trois-Exemples à soir, elle veut pas partir, comment on peut l'aider?", true)]
    [InlineData("en", "Can we post the evacuation order for our area on the page so families know?", false)]
    [InlineData("en", "Can we post a tip about never leaving kids in a hot car?", false)]
    [InlineData("en", "Resident came back from her appointment, all good, can we post the group schedule?", false)]
    [InlineData("en", "The volunteer took her passport photo for the ID clinic, can we post about the clinic?", false)]
    [InlineData("fr", "Est-ce qu'on peut publier l'ordre d'évacuation sur la page?", false)]
    [InlineData("fr", "Peut-on publier un rappel sur les enfants laissés dans une auto chaude?", false)]
    [InlineData("fr", "Un vieux commentaire dit « quelqu'un devrait lui casser la gueule » à propos d'un politicien, on le retire?", false)]
    public void AThreatInABoxAnEvacuationOrderPillsTakenOrPapersHeld_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-eighth round's authors (a128, a130, a132 in English, a129, a131, a133 in French: danger told as a
    /// reply in a running conversation, through pets and property, or hedged and minimised): his shared location showing
    /// him arriving, « vous serez pus là demain », « tu vas pas te réveiller », an abuser checked in a few blocks away,
    /// an ultimatum in threatening texts ("done warning you, it ends tonight"; "nothing: threatening" no longer reads as
    /// "nothing threatening" for it), a high fever with a stiff neck, a heater with a smoking blanket, a worker and the
    /// woman she drove both out of reach, blows in a room. Each danger row is read otherwise without the round's data.
    /// And what is calm: a campaign that ends tonight, an abuser who lives near the shelter asked about photos, a hot day,
    /// a stiff neck from a desk, a delivery arriving at the corner, a worker who took a woman to her appointment and all
    /// is well.
    /// </summary>
    [Theory]
    [InlineData("fr", "ben non c'est pas hypothétique, sa localisation partagée montre qu'il arrive au coin de la rue Exemple", true)]
    [InlineData("fr", "un gars a commenté notre publication : profitez-en, vous serez pus là demain", true)]
    [InlineData("fr", "l'ex de Madame X lui a texté « tu vas pas te réveiller demain », c'est peut-être une joke?", true)]
    [InlineData("en", "quick one: her abuser just checked in on Instagram at the diner three blocks from us. Is that a thing?", true)]
    [InlineData("en", "maybe nothing: threatening texts to Resident-Test B tonight, the last says done warning you", true)]
    [InlineData("en", "small question: a resident has a fever of 40, stiff neck, very confused, can she wait till morning?", true)]
    [InlineData("en", "not sure it matters: the space heater in room 4 has a towel on it and it's smouldering", true)]
    [InlineData("en", "Probably nothing, but our worker drove her to court at 10 and neither of them is answering.", true)]
    [InlineData("fr", "prob rien mais coups chambre 3, ça arrête pas", true)]
    [InlineData("en", "The fundraiser ends tonight, can we post a last reminder?", false)]
    [InlineData("en", "Her ex lives near the shelter, can we still post photos of the garden?", false)]
    [InlineData("en", "It's 40 degrees today, can we post a heat warning on the page?", false)]
    [InlineData("en", "My neck is stiff from the desk, who orders the new chairs?", false)]
    [InlineData("fr", "La campagne se termine ce soir, on publie un dernier rappel?", false)]
    [InlineData("fr", "Il arrive au coin de la rue pour livrer les boîtes de dons, on publie un merci?", false)]
    [InlineData("fr", "L'intervenante l'a amenée à son rendez-vous, tout va bien, on publie l'horaire?", false)]
    public void HisLocationArrivingAnUltimatumAFeverWithAStiffNeckOrBlowsInARoom_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the thirty-ninth round's authors (a134, a136 in English, a135, a137 in French: danger told in numbers, codes
    /// and lists, and danger to or from people who are not residents): check-ins missed with a last location, a man
    /// answering her phone, a night count one short with her bed not slept in and her phone off, a volunteer with no
    /// news for hours and her GPS stopped (« nouvelles » is also the news, an awareness word, which vetoed the older
    /// rule). Each danger row is read otherwise without the round's data. And what is calm: a last-location setting, a
    /// van's GPS that stopped working, a volunteer schedule's check-ins, a night count that is complete.
    /// </summary>
    [Theory]
    [InlineData("en", "Missed two check-ins (19:00, 21:00). Plan says call after 2. Last location: 7 Fictive Rd.", true)]
    [InlineData("en", "Group roll call, one absent. When we call her phone a man answers and hangs up.", true)]
    [InlineData("fr", "Décompte 1h : 8 sur 9. Manque ch. 2. Lit pas défait, cell fermé.", true)]
    [InlineData("fr", "La bénévole du transport a pas donné de nouvelles depuis 2h, son GPS est arrêté sur un rang", true)]
    [InlineData("en", "Can we turn off the last location feature on the page's app?", false)]
    [InlineData("en", "Our GPS stopped working in the van, can we post that the outreach is late?", false)]
    [InlineData("en", "Missed check-ins for the volunteer schedule, who updates the sheet?", false)]
    [InlineData("fr", "Décompte de nuit fait, 11 sur 11, tout est beau, je publie l'horaire?", false)]
    [InlineData("fr", "Le GPS est arrêté dans le char de service, on publie qu'on est en retard?", false)]
    public void CheckInsMissedAManOnHerPhoneOrANightCountOneShort_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// From the fortieth round's authors (a138 to a141, all in English: writers whose first language is not English,
    /// danger told by what staff are doing, danger that seems over and is not, rural and northern communities): "cut her
    /// face", "the family will hurt her at", a car in a closed garage with the motor on, left for court and never
    /// arrived, "he take my phone", an unknown quantity of her medication swallowed, a comment that someone "gets it
    /// first". Each danger row is read otherwise without the round's data. And what is calm: a winter tip about closed
    /// garages, leaving for court and posting a schedule, not being able to go out to post flyers, hurting her chances,
    /// who gets a draft first.
    /// </summary>
    [Theory]
    [InlineData("en", "Comment on our post: I know she stay there, I will cut her face.", true)]
    [InlineData("en", "Her brother say the family will hurt her at the court this afternoon.", true)]
    [InlineData("en", "Caller is sitting in her car in a closed garage, the motor is on.", true)]
    [InlineData("en", "Resident-Test B leave at 9 for court. Court say she never arrive. It is 2 pm now.", true)]
    [InlineData("en", "Woman text: he take my phone and my keys. Then nothing.", true)]
    [InlineData("en", "A resident has ingested an unknown amount of her medication and is drowsy. Is there more we should do?", true)]
    [InlineData("en", "New comment on our Instagram post: 'the worker with the red coat gets it first.' That is me.", true)]
    [InlineData("en", "Can we post a reminder never to warm up the car in a closed garage?", false)]
    [InlineData("en", "She left for court this morning, can we post the group schedule while she's out?", false)]
    [InlineData("en", "I can't go out to post the flyers today, can someone else do it?", false)]
    [InlineData("en", "He'll hurt her chances if he posts that, should we reply?", false)]
    [InlineData("en", "Did the team get it first, the new policy draft?", false)]
    [InlineData("en", "She left at noon, the volunteer never showed up for the page training, who posts?", false)]
    public void AFaceCutACarInAClosedGarageNeverArrivedAtCourtOrAnOverdose_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// "locked in the" is danger when it is a room someone is locked in (a bathroom, an office, a car); an account or a
    /// tool "locked in the app" is not, and no longer reads as danger.
    /// </summary>
    [Theory]
    [InlineData("en", "I'm locked in the office, he's banging on the door", true)]
    [InlineData("en", "she's locked in the bathroom and won't answer", true)]
    [InlineData("en", "Staff locked in the kitchen, he came in with a crowbar", true)]
    [InlineData("en", "Our Facebook account is locked in the app, what do we do?", false)]
    [InlineData("en", "We got locked in the scheduling tool again, who resets it?", false)]
    public void LockedInARoomIsDanger_AnAccountLockedInAnAppIsNot(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// The forty-fourth round's misses (danger told in a follow-up to the assistant's own answer, danger seen in what is
    /// missing from the house's routine, fast typing with shaking hands): a charger smoking with a flame on the desk, the
    /// comment's author at the front counter, a threat to disfigure her, a woman in her bath with a hair dryer, empty pill
    /// bottles, a presenter who just collapsed, curtains burning, a woman held in a motel, a nursery count one short of
    /// the sheet, a volunteer and a resident out walking and not back. Their calm look-alikes stay calm.
    /// </summary>
    [Theory]
    [InlineData("en", "Your answer on moderation capacity is noted. Unrelated but now: the laptop charger on the desk is smoking and there's a flame.", true)]
    [InlineData("fr", "Quand tu dis « informer l'auteur »... l'auteur est littéralement au comptoir de la réception", true)]
    [InlineData("fr", "Pas d'accord avec ta réponse : il dit qu'il va la défigurer aujourd'hui.", true)]
    [InlineData("fr", "Suivi de ta réponse : elle me dit au téléphone qu'elle est dans son bain avec un séchoir branché.", true)]
    [InlineData("fr", "ta consigne, oui, mais elle vient de m'envoyer une photo de pots de pilules vides", true)]
    [InlineData("fr", "Suivi de ta réponse sur les photos : l'animatrice de l'atelier vient de s'effondrer", true)]
    [InlineData("fr", "Une résidente a oublié une chandelle, les rideaux de la chambre 2 brûlent", true)]
    [InlineData("fr", "Ta fiche s'applique pas : on parle pas d'une publication, on parle d'une femme qu'il retient dans un motel depuis ce matin.", true)]
    [InlineData("en", "Nursery headcount 4. Sign-in sheet says 5.", true)]
    [InlineData("fr", "Ma collègue est partie marcher avec une résidente à 18 h. Pas de retour. Pas de réponse au téléphone.", true)]
    [InlineData("en", "The commenter is here in the thread again, do we reply?", false)]
    [InlineData("en", "Can we post a reminder to unplug the hair dryer near the tub?", false)]
    [InlineData("en", "We found empty pill bottles in the recycling, can we post a reminder about pharmacy drop-off?", false)]
    [InlineData("en", "Can we post the headcount from the sign-in sheet for the fundraiser?", false)]
    [InlineData("fr", "La chandelle brûle encore sur la photo de la vigile, on publie?", false)]
    [InlineData("fr", "La conférencière vient de s'effondrer de rire, on met la vidéo en ligne?", false)]
    [InlineData("fr", "Il dit qu'un dossier va la défigurer aux yeux du public, on répond au commentaire?", false)]
    public void AFlameAnAuthorAtTheCounterAHairDryerInTheBathOrACountShort_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// The forty-third round's misses (formal reports and emails, messages written to the assistant itself, children):
    /// a child's face swelling after peanuts, « coups en cours » in a unit, scissors pointed at another resident,
    /// pinpoint pupils, a woman whose answers a man dictates and who says the agreed code. Their calm look-alikes (an
    /// allergy post, a code word for a template or a party, a broken bottle in a photo) stay calm.
    /// </summary>
    [Theory]
    [InlineData("en", "a kid is having a reaction to peanuts, his face is swelling up", true)]
    [InlineData("fr", "Coups en cours, unité 3.", true)]
    [InlineData("fr", "Résidente-Test B tient une paire de ciseaux pointée vers une autre résidente dans la cuisine.", true)]
    [InlineData("fr", "Pupilles minuscules, ne répond plus.", true)]
    [InlineData("en", "Resident-Test C in room 2, pinpoint pupils", true)]
    [InlineData("fr", "Mme Exemple a répondu par oui et non pendant qu'une voix masculine lui dictait ses réponses.", true)]
    [InlineData("fr", "Elle a dit « la pizza n'est pas arrivée », le code convenu.", true)]
    [InlineData("en", "Ms. Example just said our code word on the phone and hung up", true)]
    [InlineData("en", "Can we post about what to do if a child's face is swelling after eating peanuts?", false)]
    [InlineData("en", "What should our code word be in the safety plan template? Can we share the template on the page?", false)]
    [InlineData("en", "Our post about the new unit got a comment with a photo of a broken bottle, do we hide it?", false)]
    [InlineData("fr", "Le mot de code pour le party de Noël, on le met sur la page privée?", false)]
    [InlineData("fr", "Unité 3 a demandé qu'on enlève la photo des coups de pinceau de l'atelier, on fait quoi?", false)]
    public void ASwellingFaceBlowsInAUnitScissorsPinpointPupilsOrAnAgreedCode_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// The forty-second round's misses (danger buried in a long French message, residents with disabilities, danger to
    /// staff, young staff's slang, rural and northern French): a throat closing up, a comment that he is "gonna make her
    /// disappear", a resident who is never late and out of reach, a teen picked up in a van instead of school, an
    /// intoxication in a room, a dryer in flames. Their calm look-alikes (an allergy post, a politician in the news, a
    /// photo shoot, a post « qui flambe », prices « qui flambent ») stay calm.
    /// </summary>
    [Theory]
    [InlineData("en", "Volunteer-Test A ate a cookie and her throat is closing up, anyone have an EpiPen?", true)]
    [InlineData("en", "comment on our page rn: 'gonna make her disappear before sunrise', same pfp as her ex", true)]
    [InlineData("en", "resident went out at 2, phone off, it's 11pm and she's never late", true)]
    [InlineData("en", "teen resident never made it to school, an older guy picked her up in a van", true)]
    [InlineData("fr", "Intoxication chambre 4, besoin d'aide", true)]
    [InlineData("fr", "La sécheuse flambe.", true)]
    [InlineData("en", "Can we post allergy info: what to do if someone's throat is closing up after eating nuts?", false)]
    [InlineData("en", "Someone commented \"they should make her disappear from the news\" about a politician, do we remove it?", false)]
    [InlineData("en", "A guy picked her up for the photo shoot, can we post the pics?", false)]
    [InlineData("fr", "Notre publication flambe sur TikTok, on répond aux commentaires?", false)]
    [InlineData("fr", "L'intoxication alimentaire de la semaine passée, on en parle sur la page?", false)]
    [InlineData("fr", "Les prix de l'épicerie flambent, on partage l'article sur la page?", false)]
    public void AThroatClosingADisappearanceThreatAnIntoxicationOrADryerInFlames_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// The forty-first round's misses (dictated messages, danger relayed from the support line, danger buried in a long
    /// message, residents with disabilities): a post that she won't be alive by morning, an overdose and the naloxone
    /// dictated as « over dose » and « nar canne », an asthma attack with no inhaler, antifreeze she was made to drink, an
    /// unknown quantity of methadone, a woman and her child driven away and not back, a woman kept in a basement. Their
    /// calm look-alikes (a tip about inhalers, "poisoned her mind", "keeping her in the loop", the framing of a post) stay
    /// calm.
    /// </summary>
    [Theory]
    [InlineData("en", "a teen here posted on tiktok she won't be alive by morning, her bed is empty", true)]
    [InlineData("fr", "ou est le nar canne elle fait une over dose dans les toilettes du 2e", true)]
    [InlineData("fr", "crise d'asthme pas de pompe chambre 2", true)]
    [InlineData("en", "text line: 'he made her drink antifreeze'", true)]
    [InlineData("en", "The caller reports ingesting an unknown quantity of her partner's methadone", true)]
    [InlineData("en", "Further to the meeting on the photo-consent form, the draft is attached. I should add that a resident has not returned from a supervised visit; the access centre reports that her former partner drove her and the child away. We have no contact with her.", true)]
    [InlineData("en", "Resident-Test B's husband took her passport and is keeping her in his cousin's basement", true)]
    [InlineData("en", "Can we post a tip on what to do during an asthma attack if you can't find your inhaler?", false)]
    [InlineData("en", "Someone commented that our shelter poisoned her mind against him, do we delete it?", false)]
    [InlineData("en", "A comment says we're keeping her in the loop about his case, do we answer?", false)]
    [InlineData("en", "She didn't return the consent form and the man from the food bank drove them away after the party, can we post the photos?", false)]
    [InlineData("en", "We're writing a short explainer on technology-facilitated gender-based violence for our followers; how should we describe it so the framing is right?", false)]
    [InlineData("fr", "On peut publier un rappel : en cas de crise d'asthme, ayez toujours votre pompe?", false)]
    [InlineData("fr", "Un commentaire dit qu'on a empoisonné l'esprit de sa femme, on le supprime?", false)]
    public void AnAsthmaAttackAntifreezeMethadoneOrAWomanKeptInABasement_AndTheirCalmLookAlikes_AreReadAsTheyAre(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// Words that say danger in one sentence and a working day in another. "I won't be here tomorrow" is a farewell, and
    /// a staff member asking who covers the page while she is away is not; « des coups » are blows, « des coups de fil »
    /// are phone calls; "isn't answering" is danger about a woman, and not about a clinic whose hours a post gives.
    /// </summary>
    [Theory]
    [InlineData("en", "she says she won't be here tomorrow", true)]
    [InlineData("en", "Resident-Test B texted: I won't be here tomorrow. Tell my kids I love them.", true)]
    [InlineData("en", "she isn't answering and her door is locked, I smell gas", true)]
    [InlineData("en", "I won't be here tomorrow, who covers the page?", false)]
    [InlineData("en", "i wont be around next week, who handles comments on the page", false)]
    [InlineData("en", "the clinic isn't answering, can we post their hours?", false)]
    [InlineData("fr", "elle m'a écrit je serai plus là demain matin", true)]
    [InlineData("fr", "il lui donne des coups, elle crie", true)]
    [InlineData("fr", "j'entends des coups dans la porte de la chambre 7", true)]
    [InlineData("fr", "Je serai plus là demain matin, qui s'occupe de la page?", false)]
    [InlineData("fr", "On reçoit des coups de fil de journalistes depuis la publication, on répond quoi?", false)]
    [InlineData("fr", "J'ai passé des coups de fil pour la chambre 7, elle veut qu'on enlève sa photo de la page", false)]
    public void AFarewellOrBlowsAreDanger_AStaffAbsenceOrPhoneCallsAreNot(string lang, string text, bool crisis) =>
        AssertDangerByTheRulesAlone(lang, text, crisis);

    /// <summary>
    /// A veiled threat on social media is danger now; the same words in a comment that is over, or in a what-if, are not
    /// (for the rules: the statistical layer reads such a question on its own).
    /// </summary>
    [Theory]
    [InlineData("en", "someone just commented see you soon under our post", true)]
    [InlineData("en", "Last year someone commented see you soon under our post; how do we archive such comments?", false)]
    [InlineData("en", "What if someone comments see you soon under our post?", false)]
    [InlineData("fr", "quelqu'un vient d'écrire « à bientôt » sous notre publication avec notre adresse", true)]
    [InlineData("fr", "L'an passé quelqu'un a écrit « à bientôt » sous notre publication, on l'archive comment?", false)]
    public void AVeiledThreatOnSocialMedia_IsDangerUnlessItIsOverOrAWhatIf(string lang, string text, bool crisis) =>
        Assert.Equal(crisis, Recognizer.RuleKind(text, Languages.Parse(lang)).Kind == ScopeKind.Crisis);

    /// <summary>
    /// « filles » (girls; many teams call the residents and one another « les filles ») has the stem of « fil », a feed or
    /// a thread, which is a word of social media: that word is matched only as written, so « les filles » is not about
    /// social media (danger rules that stop at a question about social media no longer stop at it), and « mon fil »
    /// still is.
    /// </summary>
    [Theory]
    [InlineData("merci les filles, bonne soirée", false)]
    [InlineData("elle m'a dit « occupe-toi de mes filles »", false)]
    [InlineData("il a publié sur mon fil que je mens", true)]
    public void Filles_IsNotTheSocialMediaWordFil(string text, bool socialMedia) =>
        Assert.Equal(socialMedia, Recognizer.Explain(text, Languages.Parse("fr")).Any(e => e.StartsWith("social-media:", StringComparison.Ordinal)));

    /// <summary>
    /// Danger held by the rules themselves (the model alone had missed such messages), so that the test fails without
    /// the rule data; a calm message checked by the whole reading, rules and model.
    /// </summary>
    private static void AssertDangerByTheRulesAlone(string lang, string text, bool crisis)
    {
        if (crisis) Assert.Equal(ScopeKind.Crisis, Recognizer.RuleKind(text, Languages.Parse(lang)).Kind);
        else Assert.NotEqual(ScopeKind.Crisis, Recognizer.Recognize(text, Languages.Parse(lang)).Kind);
    }

    /// <summary>
    /// One word of help: a cry when it is shouted, has an exclamation mark or asks for help for oneself; typed plainly,
    /// "help" / « aide » is the command (the Teams command menu sends it), and a request for help with a policy matter is
    /// a policy question.
    /// </summary>
    [Theory]
    [InlineData("en", "HELP", ScopeKind.Crisis)]
    [InlineData("en", "help!!", ScopeKind.Crisis)]
    [InlineData("en", "help me", ScopeKind.Crisis)]
    [InlineData("en", "HELP PLEASE", ScopeKind.Crisis)]
    [InlineData("en", "i need help", ScopeKind.Crisis)]
    [InlineData("en", "heeelp", ScopeKind.Crisis)]
    [InlineData("fr", "AIDE", ScopeKind.Crisis)]
    [InlineData("fr", "aide!", ScopeKind.Crisis)]
    [InlineData("fr", "aide-moi", ScopeKind.Crisis)]
    [InlineData("fr", "j'ai besoin d'aide", ScopeKind.Crisis)]
    [InlineData("en", "help", ScopeKind.None)]
    [InlineData("fr", "aide", ScopeKind.None)]
    [InlineData("en", "can you help me with the photo policy", ScopeKind.None)]
    [InlineData("en", "please help me understand the rule on photos", ScopeKind.None)]
    [InlineData("fr", "j'ai besoin d'aide pour une publication", ScopeKind.None)]
    [InlineData("en", "TEST", ScopeKind.Greeting)]
    public void AWordOfHelp_IsACry_WhenShoutedOrForOneself(string lang, string text, ScopeKind expected) =>
        Assert.Equal(expected, Recognizer.Recognize(text, Languages.Parse(lang)).Kind);

    /// <summary>
    /// "goodbye" is a farewell word and a sign of alarm: the rule for a farewell with a sign held on that one word, so a
    /// worker closing the chat got the safety card. A rule's concepts must now be found in different places; a farewell
    /// with another sign is still a crisis.
    /// </summary>
    [Theory]
    [InlineData("en", "goodbye", ScopeKind.Thanks)]
    [InlineData("en", "ok goodbye", ScopeKind.Thanks)]
    [InlineData("en", "thanks, goodbye", ScopeKind.Thanks)]
    [InlineData("en", "goodbye everyone", ScopeKind.Thanks)]
    [InlineData("en", "she said goodbye and left a lighter on her bed", ScopeKind.Crisis)]
    [InlineData("en", "she posted a goodbye video and nobody can reach her", ScopeKind.Crisis)]
    [InlineData("fr", "elle a dit adieu pis elle répond plus", ScopeKind.Crisis)]
    public void AGoodbye_IsNotASignOfDangerByItself_AFarewellWithASignIs(string lang, string text, ScopeKind expected) =>
        Assert.Equal(expected, Recognizer.Recognize(text, Languages.Parse(lang)).Kind);

    /// <summary>A run of 196 letters is past the bound (160) and under the tokenizer's own (255): read as typed, no concept in it.</summary>
    [Fact]
    public void ARunOfGluedWordsLongerThanItsBound_IsReadAsTyped()
    {
        const string run = "heisoutsidethedoorwithaknife";
        var tooLong = string.Concat(Enumerable.Repeat(run, 7));

        Assert.Contains(Recognizer.Explain(run, Language.En), e => e.StartsWith("weapon:", StringComparison.Ordinal));
        Assert.Empty(Recognizer.Explain(tooLong, Language.En));
    }

    [Fact]
    public void AVeryLongMessage_IsReadUpToItsLimit()
    {
        var text = string.Concat(Enumerable.Repeat("we post photos of our events on the page. ", 200)) + "he has a gun";

        Assert.Equal(ScopeKind.None, Recognizer.Recognize(text, Language.En).Kind);
        Assert.Equal(ScopeKind.Crisis, Recognizer.Recognize("he has a gun. " + text, Language.En).Kind);
    }

    [Fact]
    public void BrokenScopeFiles_AreNamedWithWhatIsWrong()
    {
        var empty = new ScopeLanguage();
        ScopeFile[] files =
        [
            new() { Name = "crisis", Fr = new ScopeLanguage { Rules = [new ScopeRule()], Examples = ["un", "un"] }, En = empty },
            new() { Name = "rumours", Fr = empty, En = empty },
        ];

        var problems = ScopeFiles.Problems(files).ToList();

        Assert.Contains("scope/crisis.json (fr): every rule needs a concept in \"all\" or a \"minKnownWords\".", problems);
        Assert.Contains("scope/crisis.json (fr): 2 examples, at least 10 needed.", problems);
        Assert.Contains("scope/crisis.json (fr): \"un\" is listed twice.", problems);
        Assert.Contains("scope/crisis.json (en): no rules.", problems);
        Assert.Contains(problems, p => p.StartsWith("scope/rumours.json: the name must be concepts or a kind", StringComparison.Ordinal));
        Assert.Contains("scope/legal.json is missing.", problems);
        Assert.Contains("scope/concepts.json is missing.", problems);
    }

    [Fact]
    public void ASymbolThatIsALetter_OrStandsForNoWord_StopsTheRecogniserBeingBuilt()
    {
        var content = ContentLibrary.Default;
        var scope = content.Scope.Select(f => f.Name != ScopeFiles.Concepts ? f : new ScopeFile
        {
            Name = f.Name,
            Fr = f.Fr,
            En = new ScopeLanguage { Concepts = f.En.Concepts, Symbols = new() { ["x"] = "knife", ["🚫"] = "  " } },
        }).ToList();

        var error = Assert.Throws<InvalidDataException>(() => new ScopeRecognizer(content, scope));

        Assert.Contains("scope/concepts.json (en): the symbol \"x\" must be neither a letter nor a digit, and stand for a word (\"knife\").", error.Message);
        Assert.Contains("scope/concepts.json (en): the symbol \"🚫\" must be neither a letter nor a digit, and stand for a word (\"  \").", error.Message);
    }

    [Fact]
    public void ARuleNamingAnUnknownConcept_OrAnExampleTheRulesMiss_StopsTheRecogniserBeingBuilt()
    {
        var content = ContentLibrary.Default;
        var scope = content.Scope.Select(f => f.Name != "legal" ? f : new ScopeFile
        {
            Name = "legal",
            Fr = f.Fr,
            En = new ScopeLanguage
            {
                Concepts = f.En.Concepts,
                Rules = [.. f.En.Rules, new ScopeRule { All = ["subpoenas-by-pigeon"] }],
                Examples = [.. f.En.Examples, "Can a pigeon deliver our newsletter?"],
            },
        }).ToList();

        var error = Assert.Throws<InvalidDataException>(() => new ScopeRecognizer(content, scope));

        Assert.Contains("scope/legal.json (en): a rule names the concept \"subpoenas-by-pigeon\", which is not defined.", error.Message);
        Assert.Contains("scope/legal.json (en): the example \"Can a pigeon deliver our newsletter?\" is recognised as None, not Legal.", error.Message);
    }
}
