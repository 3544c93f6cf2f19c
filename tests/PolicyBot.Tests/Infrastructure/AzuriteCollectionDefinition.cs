namespace PolicyBot.Tests.Infrastructure;

/// <summary>This assembly's tests that use Azurite share one (see <see cref="AzuriteCollection"/>).</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
