// Until Scope/ScopePrivacyTests.cs drops its `using BotFramework.Tests.State;` (the Azurite fixture it came
// for is in TestKit now, a global using), the namespace must exist in this assembly. Delete this file then.
namespace BotFramework.Tests.State
{
}
