using BotFramework.Testing;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>Onboarding as a new hire lives it, in Teams' personal chat, through the bot's real services and middleware.</summary>
[Trait("Category", "Fast")]
public sealed class OnboardingConversationTests : IDisposable
{
    private static readonly DateTimeOffset March14 = new(2025, 3, 14, 15, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _data = new();
    private readonly ManualClock _clock = new(March14);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task FullOnboarding_InFrenchWithRightAndWrongAnswers()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lessons = bot.Lessons;
        var adapter = bot.Chat(Staff.Amelie, locale: "fr-CA");
        // Wrong first on the first question of lessons 1, 3 and 5: 3 of 20 missed.
        bool MissFirst(LessonQuestion q) => lessons.All.Where(l => l.Order is 1 or 3 or 5).Any(l => l.Questions[0] == q);

        var flow = bot.Flow(adapter)
            .Send("Formation")
            .AssertReplyContains("Bienvenue dans la formation : 8 courtes leçons")
            .AssertReplyContains([.. LessonWalk.KeyPoints(lessons.First, lessons, Words.Fr),
                "Partie 1 — L'utilisation des médias sociaux par l'organisation", "Points clés", "Environ 3 minutes · questions : 2"]);
        foreach (var lesson in lessons.All) flow = flow.WalkLesson(lessons, lesson, Words.Fr, MissFirst);
        await flow
            .AssertReplyContains(
                "Formation terminée. Bravo!",
                "Terminée le 14 mars 2025",
                "Politique de votre organisation apprise : version 0 (aucun choix de l'organisation enregistré)",
                "Bonnes réponses du premier coup : 17 sur 20",
                "1. Pourquoi nous sommes sur les médias sociaux — 1 sur 2",
                "2. Notre page et ses commentaires — 3 sur 3",
                "8. Sécurité en ligne et où trouver de l'aide — 2 sur 2")
            .AssertNoReply()
            // Once finished, "continue" shows the completion card again.
            .Send("continuer")
            .AssertReplyContains("Formation terminée. Bravo!", "Terminée le 14 mars 2025")
            .StartTestAsync();
    }

    [Fact]
    public async Task FullOnboarding_InEnglishWithRightAndWrongAnswers()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lessons = bot.Lessons;
        var adapter = bot.Chat(Staff.Beth, locale: "en-US");
        // Wrong first on every lesson's last question: 8 of 20 missed.
        bool MissFirst(LessonQuestion q) => lessons.All.Any(l => l.Questions[^1] == q);

        var flow = bot.Flow(adapter)
            .Send("onboarding")
            .AssertReplyContains("Welcome to onboarding: 8 short lessons")
            .AssertReplyContains([.. LessonWalk.KeyPoints(lessons.First, lessons, Words.En),
                "Part 1 — The organisation's use of social media", "Key points", "About 3 minutes · questions: 2"]);
        foreach (var lesson in lessons.All) flow = flow.WalkLesson(lessons, lesson, Words.En, MissFirst);
        await flow
            .AssertReplyContains(
                "Onboarding complete. Well done!",
                "Completed on March 14, 2025",
                "Your organisation's policy learned: version 0 (no organisation choices saved)",
                "Right on the first try: 12 of 20",
                "1. Why we're on social media — 1 of 2",
                "5. My personal accounts — 2 of 3",
                "[Pick a situation]")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task TheWelcomeCardAndTheMenu_StartOnboarding()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var adapter = bot.Chat(Staff.Amelie);
        await bot.Flow(adapter)
            .Send(() => adapter.MakeBotAdded())
            .AssertReplyContains("[Onboarding]")
            .Send("menu")
            .AssertReplyContains("What situation are you facing?", "[Onboarding]")
            .Click("Onboarding")
            .AssertReplyContains("Welcome to onboarding")
            .AssertReplyContains("Onboarding · Lesson 1 of 8")
            .StartTestAsync();
    }

    [Fact]
    public async Task Continue_ResumesAtTheSameStepTheNextDayInANewHost()
    {
        var lesson = OnboardingLessons.LoadShipped(global::PolicyBot.Knowledge.ContentLibrary.Default).First;
        var (q1, q2) = (lesson.Questions[0], lesson.Questions[1]);

        using (var monday = new OnboardingBot(_data.Path, _clock))
        {
            await monday.Flow(monday.Chat(Staff.Amelie))
                .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
                .Click("On to the questions").AssertReplyContains("Question 1 of 2", q1.Text(global::PolicyBot.Knowledge.Language.En))
                .Click(LessonWalk.Wrong(q1).En.Label).AssertReplyContains("Not quite.")
                .Click(LessonWalk.Right(q1).En.Label).AssertReplyContains("That's right!")
                .Click("Next question").AssertReplyContains("Question 2 of 2", q2.Text(global::PolicyBot.Knowledge.Language.En))
                .StartTestAsync();
        }

        // The next day, after a restart: the chat's dialog state has expired, her progress has not.
        _clock.Advance(TimeSpan.FromDays(1));
        using var tuesday = new OnboardingBot(_data.Path, _clock);
        await tuesday.Flow(tuesday.Chat(Staff.Amelie))
            .Send("continue")
            .AssertReply("Our last conversation was more than a day ago, so we're starting fresh.")
            .AssertReplyContains("Question 2 of 2", q2.Text(global::PolicyBot.Knowledge.Language.En), LessonWalk.Right(q2).En.Label)
            .Click(LessonWalk.Right(q2).En.Label)
            // The miss on question 1 was kept across the restart.
            .AssertReplyContains("That's right!", "Lesson 1 complete: 1 of 2 right on the first try.")
            .StartTestAsync();
    }

    [Fact]
    public async Task SwitchingLanguageMidLesson_ContinuesAtTheSameStepInTheNewLanguage()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lesson = bot.Lessons.All[1];
        var question = lesson.Questions[1];
        var adapter = bot.Chat(Staff.Amelie);
        var flow = bot.Flow(adapter)
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .WalkLesson(bot.Lessons, bot.Lessons.First, Words.En, _ => false)
            .Click("On to the questions").AssertReplyContains("Question 1 of 3")
            .Click(LessonWalk.Right(lesson.Questions[0]).En.Label).AssertReplyContains("That's right!")
            .Click("Next question").AssertReplyContains("Question 2 of 3", question.Text(global::PolicyBot.Knowledge.Language.En));

        await flow
            .Send("français")
            .AssertReply("D'accord, je vous parle maintenant en français.")
            .AssertReplyContains("Leçon 2 de 8 · Notre page et ses commentaires", "Question 2 de 3", question.Fr.Text, LessonWalk.Right(question).Fr.Label)
            .Click(LessonWalk.Wrong(question).Fr.Label)
            .AssertReplyContains("Pas tout à fait.", LessonWalk.Wrong(question).Fr.Explanation)
            // A button from the English card still answers the same question.
            .Submit(new { action = "onboarding.answer", lesson = lesson.Id, question = question.Id, option = question.Answer, topic = question.Topic })
            .AssertReplyContains("Bonne réponse!", LessonWalk.Right(question).Fr.Explanation)
            .Send("english")
            .AssertReply("OK, I'll speak English with you from now on.")
            .AssertReplyContains("Question 3 of 3", lesson.Questions[2].En.Text)
            .StartTestAsync();
    }

    [Fact]
    public async Task RestartOnboarding_AsksFirstAndStartsOverOnlyOnYes()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var adapter = bot.Chat(Staff.Beth);
        await bot.Flow(adapter)
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .WalkLesson(bot.Lessons, bot.Lessons.First, Words.En, _ => true)
            .Send("restart onboarding")
            .AssertReplyContains("Start onboarding over from the beginning? Your progress (lessons completed, dates and scores) will be deleted.", "[Yes, start over]", "[No, keep my progress]")
            .Click("No, keep my progress")
            .AssertReply("OK, your progress is kept. Type \"continue\" to pick up where you left off.")
            .Send("continue")
            .AssertReplyContains("Onboarding · Lesson 2 of 8")
            .Send("Restart onboarding!")
            .AssertReplyContains("Start onboarding over from the beginning?")
            .Click("Yes, start over")
            .AssertReply("Starting over from the beginning.")
            .AssertReplyContains("Onboarding · Lesson 1 of 8")
            .Send("onboarding progress")
            .AssertReplyContains("Lessons completed: 0 of 8", "▶ 1. Why we're on social media", "In progress: key points")
            .StartTestAsync();
    }

    [Fact]
    public async Task RestartingBeforeStarting_NeedsNoConfirmation()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        await bot.Flow(bot.Chat(Staff.Amelie, "fr-CA"))
            .Send("recommencer la formation")
            .AssertReplyContains("Bienvenue dans la formation")
            .AssertReplyContains("Formation · Leçon 1 de 8")
            .StartTestAsync();
    }

    [Fact]
    public async Task ProgressCard_ShowsCompletedCurrentAndComingLessons()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lessons = bot.Lessons;
        await bot.Flow(bot.Chat(Staff.Amelie))
            .Send("progress")
            .AssertReplyContains("Your onboarding", "You haven't started onboarding yet.", "○ 1. Why we're on social media", "[Start onboarding]")
            .Click("Start onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .WalkLesson(lessons, lessons.First, Words.En, q => q == lessons.First.Questions[0])
            .Click("On to the questions").AssertReplyContains("Question 1 of 3")
            .Click(LessonWalk.Right(lessons.All[1].Questions[0]).En.Label).AssertReplyContains("That's right!")
            .Click("Next question").AssertReplyContains("Question 2 of 3")
            .Send("onboarding progress")
            .AssertReplyContains(
                "Lessons completed: 1 of 8",
                "✓ 1. Why we're on social media", "Completed on March 14, 2025 · 1 of 2 on the first try",
                "▶ 2. Our page and its comments", "In progress: question 2 of 3",
                "○ 3. Connections and photos", "Not started",
                "[Continue]", "[Restart onboarding]")
            .Click("Continue")
            .AssertReplyContains("Question 2 of 3", lessons.All[1].Questions[1].En.Text)
            .StartTestAsync();
    }

    [Fact]
    public async Task TypedNumbersAndLabels_AnswerTheQuestionOnScreen()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lesson = bot.Lessons.First;
        var q1 = lesson.Questions[0];
        var rightNumber = q1.Options.FindIndex(o => o.Id == q1.Answer) + 1;
        await bot.Flow(bot.Chat(Staff.Amelie))
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .Send("next").AssertReplyContains("Question 1 of 2")
            .Send("I am not sure, maybe something else")
            .AssertReply("To answer, tap a button or type its number. To leave onboarding, type \"menu\"; \"continue\" brings you back here.")
            .AssertReplyContains("Question 1 of 2", q1.En.Text)
            .Send(rightNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AssertReplyContains("That's right!", LessonWalk.Right(q1).En.Explanation)
            .Send("continue")
            .AssertReplyContains("Question 2 of 2")
            .Send(LessonWalk.Wrong(lesson.Questions[1]).En.Label)
            .AssertReplyContains("Not quite.", LessonWalk.Wrong(lesson.Questions[1]).En.Explanation)
            .StartTestAsync();
    }

    [Fact]
    public async Task AnAnswerFromAnOlderCard_IsExplainedButNotCounted()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lesson = bot.Lessons.First;
        var (q1, q2) = (lesson.Questions[0], lesson.Questions[1]);
        var oldWrongAnswer = new { action = "onboarding.answer", lesson = lesson.Id, question = q1.Id, option = LessonWalk.Wrong(q1).Id, topic = q1.Topic };
        await bot.Flow(bot.Chat(Staff.Amelie))
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .Click("On to the questions").AssertReplyContains("Question 1 of 2")
            .Click(LessonWalk.Right(q1).En.Label).AssertReplyContains("That's right!")
            .Click("Next question").AssertReplyContains("Question 2 of 2")
            .Submit(oldWrongAnswer)
            .AssertReplyContains("Not quite.", "This question isn't your current step, so this answer doesn't count.", LessonWalk.Wrong(q1).En.Explanation, "[Pick up where I left off]")
            .Click("Pick up where I left off")
            .AssertReplyContains("Question 2 of 2", q2.En.Text)
            .Click(LessonWalk.Right(q2).En.Label)
            .AssertReplyContains("Lesson 1 complete: 2 of 2 right on the first try.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AButtonNamingALessonThatNoLongerExists_ShowsWhereSheIs()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        await bot.Flow(bot.Chat(Staff.Amelie))
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .Submit(new { action = "onboarding.answer", lesson = "retired-lesson", question = "q", option = "a" })
            .AssertReply("That button is from an earlier version of onboarding. Here's where you are.")
            .AssertReplyContains("Onboarding · Lesson 1 of 8")
            .StartTestAsync();
    }

    [Fact]
    public async Task AButtonForAnAnswerThatWasRemoved_SaysSoAndShowsWhereSheIs()
    {
        // "J'efface tout sans rien dire" (delete-quietly) left lesson 4 in the content review (W4); its button may still be on screen.
        using var bot = new OnboardingBot(_data.Path, _clock);
        var question = bot.Lessons.Find("survivors-reaching-out")!.FindQuestion("story-with-names")!;
        Assert.Null(question.FindOption("delete-quietly"));
        await bot.Flow(bot.Chat(Staff.Amelie, "fr-CA"))
            .Send("formation").AssertReplyContains("Bienvenue").AssertReplyContains("Formation · Leçon 1 de 8")
            .Submit(new { action = "onboarding.answer", lesson = "survivors-reaching-out", question = "story-with-names", option = "delete-quietly", topic = "survivor-posts-on-page" })
            .AssertReply("Ce bouton vient d'une version précédente de la formation. Voici où vous en êtes.")
            .AssertReplyContains("Formation · Leçon 1 de 8")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueBeforeStarting_OffersToStart()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        await bot.Flow(bot.Chat(Staff.Amelie, "fr-CA"))
            .Send("Continuer")
            .AssertReplyContains("Vous n'avez pas encore commencé la formation.", "[Commencer la formation]")
            .Click("Commencer la formation")
            .AssertReplyContains("Bienvenue dans la formation")
            .AssertReplyContains("Formation · Leçon 1 de 8")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnboardingAskedInAChannel_IsSentToThePersonalChat()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var adapter = bot.Chat(Staff.Amelie, channel: true);
        await bot.Flow(adapter)
            .Send(() => adapter.MakeMention("onboarding"))
            .AssertReply("Onboarding happens in a personal chat with me: send me \"onboarding\" in a private message.")
            .AssertNoReply()
            .StartTestAsync();
    }
}
