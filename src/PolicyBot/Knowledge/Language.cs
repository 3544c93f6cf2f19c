namespace PolicyBot.Knowledge;

/// <summary>The two languages PolicyBot speaks, as equals.</summary>
public enum Language
{
    En,
    Fr,
}

public static class Languages
{
    /// <summary>Teams' locale decides until the user chooses: <c>fr-*</c> is French, anything else English.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && (locale.Equals("fr", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("fr-", StringComparison.OrdinalIgnoreCase))
            ? Language.Fr
            : Language.En;

    public static string Code(this Language language) => language == Language.Fr ? "fr" : "en";

    public static Language Parse(string code) => code.Equals("fr", StringComparison.OrdinalIgnoreCase) ? Language.Fr : Language.En;

    public static Language Other(this Language language) => language == Language.Fr ? Language.En : Language.Fr;
}
