namespace TestKit;

/// <summary>
/// The name of the test collection that shares one <see cref="AzuriteFixture"/>: its tests run one at a time,
/// so a test may stop and restart Azurite. xUnit wants the collection's definition in the test assembly
/// itself, so each test project declares one (<c>AzuriteCollectionDefinition</c>) with this name.
/// </summary>
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
