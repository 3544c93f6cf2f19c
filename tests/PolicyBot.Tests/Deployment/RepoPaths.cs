namespace PolicyBot.Tests.Deployment;

/// <summary>Locates the repository (the folder holding PolicyBot.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DeploymentTemplates => Path.Combine(Root, "deploymentTemplates");

    public static string AppPackage => Path.Combine(DeploymentTemplates, "appPackage");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PolicyBot.sln above {AppContext.BaseDirectory}.");
    }
}
