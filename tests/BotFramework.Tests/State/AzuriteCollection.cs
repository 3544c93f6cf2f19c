namespace BotFramework.Tests.State;

/// <summary>Tests that share one Azurite; they run one at a time, so a test may stop and restart it.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
