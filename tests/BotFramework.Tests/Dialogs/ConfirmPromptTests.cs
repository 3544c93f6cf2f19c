using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class ConfirmPromptTests
{
    private static async Task<DialogTestHarness> AskedToNotify(PromptValidator<bool>? validator = null)
    {
        var bot = new DialogTestHarness("ask",
            new WaterfallDialog("ask",
            [
                (step, ct) => step.PromptAsync("confirm", new PromptOptions
                {
                    Prompt = Activity.CreateMessage("Prévenir votre responsable ?"),
                    RetryPrompt = Activity.CreateMessage("Oui ou non ?"),
                }, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync((bool)step.Result! ? "Je préviens." : "Je ne préviens pas.", ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]),
            new ConfirmPrompt("confirm", validator));
        Assert.Equal(["Prévenir votre responsable ?"], (await bot.SendAsync("go")).Texts);
        return bot;
    }

    [Theory]
    [InlineData("oui")]
    [InlineData("Oui !")]
    [InlineData("OUAIS")]
    [InlineData("o")]
    [InlineData("d'accord")]
    [InlineData("bien sûr")]
    [InlineData("certainement")]
    [InlineData("yes")]
    [InlineData("Y")]
    [InlineData("yep")]
    [InlineData("ok")]
    [InlineData("sure")]
    [InlineData("yes please")]
    [InlineData("oui merci")]
    [InlineData("1")]
    public async Task AYesInFrenchOrEnglish_Confirms(string typed)
    {
        var bot = await AskedToNotify();

        Assert.Equal(["Je préviens."], (await bot.SendAsync(typed)).Texts);
        Assert.Equal(true, bot.LastResult!.Result);
    }

    [Theory]
    [InlineData("non")]
    [InlineData("Non.")]
    [InlineData("n")]
    [InlineData("pas maintenant")]
    [InlineData("non merci")]
    [InlineData("no")]
    [InlineData("NOPE")]
    [InlineData("not now")]
    [InlineData("no thanks")]
    [InlineData("2")]
    public async Task ANoInFrenchOrEnglish_Declines(string typed)
    {
        var bot = await AskedToNotify();

        Assert.Equal(["Je ne préviens pas."], (await bot.SendAsync(typed)).Texts);
        Assert.Equal(false, bot.LastResult!.Result);
    }

    public static TheoryData<object, string> Submits => new()
    {
        { new { choice = "yes" }, "Je préviens." },
        { new { choice = "no" }, "Je ne préviens pas." },
        { new { confirm = true }, "Je préviens." },
        { new { confirm = false }, "Je ne préviens pas." },
        { new { confirm = "oui" }, "Je préviens." },
    };

    [Theory]
    [MemberData(nameof(Submits))]
    public async Task ACardButton_AnswersYesOrNo(object submitted, string expected)
    {
        var bot = await AskedToNotify();

        Assert.Equal([expected], (await bot.SubmitAsync(submitted)).Texts);
    }

    [Theory]
    [InlineData("peut-être")]
    [InlineData("oui mais non")]
    [InlineData("n'importe quoi")]
    [InlineData("3")]
    [InlineData("annuler")]
    public async Task AnAnswerThatIsNeitherOrBoth_GetsTheRetryPrompt(string typed)
    {
        var bot = await AskedToNotify();

        Assert.Equal(["Oui ou non ?"], (await bot.SendAsync(typed)).Texts);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
    }

    [Fact]
    public async Task ACardSubmitWithoutAnAnswer_GetsTheRetryPrompt()
    {
        var bot = await AskedToNotify();

        Assert.Equal(["Oui ou non ?"], (await bot.SubmitAsync(new { verb = "other" })).Texts);
        Assert.Equal(["Oui ou non ?"], (await bot.SubmitAsync(new { choice = "maybe" })).Texts);
    }

    [Fact]
    public async Task AValidator_CanRefuseAnAnswerThenAcceptTheNext()
    {
        var bot = await AskedToNotify(async (prompt, ct) =>
        {
            if (!prompt.Recognized.Succeeded) return false;
            if (prompt.Recognized.Value) return true;
            await prompt.Context.SendActivityAsync($"Votre responsable doit être prévenu (essai {prompt.AttemptCount}).", ct);
            return false;
        });

        Assert.Equal(["Votre responsable doit être prévenu (essai 1)."], (await bot.SendAsync("non")).Texts);
        Assert.Equal(["Oui ou non ?"], (await bot.SendAsync("bof")).Texts);
        Assert.Equal(["Je préviens."], (await bot.SendAsync("oui")).Texts);
    }

    [Theory]
    [InlineData("ok, vas-y", true)]
    [InlineData("non, pas du tout", false)]
    [InlineData("sure, but no", null)]
    [InlineData("not sure", null)]
    [InlineData("", null)]
    public void TheRecognizer_ReadsAnswersThatStartWithYesOrNo(string text, bool? expected)
    {
        Assert.Equal(expected, ConfirmRecognizer.Recognize(text));
    }
}
