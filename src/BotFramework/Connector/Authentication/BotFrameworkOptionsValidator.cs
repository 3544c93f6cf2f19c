using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotFramework.Connector.Authentication;

/// <summary>Fails start-up with <see cref="BotFrameworkOptions.Validate"/>'s messages; anonymous mode only in Development.</summary>
internal sealed class BotFrameworkOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var problems = options.Validate().ToList();
        if (options.IsLocalMode && options.AllowUnauthenticatedRequests && environment is not null && !environment.IsDevelopment())
        {
            problems.Add($"AllowUnauthenticatedRequests is only allowed in the Development environment, not '{environment.EnvironmentName}': set MicrosoftAppId and its credentials from the bot's Azure registration.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
