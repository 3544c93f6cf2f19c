namespace BotFramework.Text;

/// <summary>What <see cref="TextNormalizer.Normalize"/> makes equal before two texts are compared; combine the flags.</summary>
[Flags]
public enum TextFolding
{
    None = 0,

    /// <summary>Every apostrophe people type (’ ‘ ʼ ＇ ` ´) becomes <c>'</c>.</summary>
    Apostrophes = 1,

    /// <summary>Lower case, culture-invariant.</summary>
    Case = 2,

    /// <summary>Accents and other combining marks removed (é → e, ç → c), ligatures and barred letters spelt plainly (œ → oe, æ → ae, ß → ss, ø → o, ł → l, đ → d).</summary>
    Accents = 4,

    /// <summary>Every character that is neither a letter nor a digit separates words (apostrophes and hyphens too, unless <see cref="KeepHyphens"/>); implies <see cref="Spaces"/>.</summary>
    Punctuation = 8,

    /// <summary>With <see cref="Punctuation"/>: a hyphen stays, so "oublie-moi" is one word.</summary>
    KeepHyphens = 16,

    /// <summary>Runs of white space become one space; none at either end.</summary>
    Spaces = 32,

    /// <summary>Full stops and exclamation marks at the end are dropped ("menu!" is "menu").</summary>
    EndPunctuation = 64,
}
