namespace PolicyBot.Export;

/// <summary>The policy document (section <c>PolicyBot:Export</c>).</summary>
public sealed class ExportOptions
{
    public const string SectionName = "PolicyBot:Export";
    public const int MaxOrganisationNameLength = 120;

    /// <summary>The organisation's name on the document's title; empty: "our organisation".</summary>
    public string? OrganisationName { get; set; }

    public IEnumerable<string> Validate()
    {
        if (OrganisationName is { Length: > MaxOrganisationNameLength })
        {
            yield return $"PolicyBot:Export:OrganisationName is {OrganisationName.Length} characters long; keep it to {MaxOrganisationNameLength}.";
        }
        if (OrganisationName is not null && OrganisationName.Any(char.IsControl))
        {
            yield return "PolicyBot:Export:OrganisationName contains a control character (a line break, a tab); write it on one line.";
        }
    }
}
