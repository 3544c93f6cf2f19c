using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotFramework;

public static class OptionsValidation
{
    /// <summary>
    /// Validates options at start with a function that lists problems in words that say what to set;
    /// the host stops with those messages instead of failing on the first request. One such validator per
    /// options type: a second call (a registration method called twice) adds nothing.
    /// </summary>
    public static OptionsBuilder<T> ValidateWithMessages<T>(this OptionsBuilder<T> builder, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new MessagesValidator<T>(builder.Name, problems)));
        return builder.ValidateOnStart();
    }

    private sealed class MessagesValidator<T>(string? name, Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName) return ValidateOptionsResult.Skip;
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
