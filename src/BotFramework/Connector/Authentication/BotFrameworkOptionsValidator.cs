using Microsoft.Extensions.Options;

namespace BotFramework.Connector.Authentication;

/// <summary>Fails start-up with <see cref="BotFrameworkOptions.Validate"/>'s messages.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
