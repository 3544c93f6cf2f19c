namespace PolicyBot.Matching;

/// <summary>
/// Feature groups: words that say <b>when</b> and <b>what for</b>, pooled into one feature per group, so that what
/// the model learns about "last week" also holds for « la semaine passée » and for a time word only one author
/// used. A worker asking about a threat comment that is over ("a threat comment last week, should we delete it")
/// and one telling a danger that is happening ("he just posted that he's coming tonight") share the alarming words;
/// they differ by these. Each group is a category of language, in both languages, not a list fitted to messages:
/// <list type="bullet">
/// <item><c>past</c>: time gone by (yesterday, last month, ago, « hier », « l'an passé », « déjà ») and the past
/// tenses' auxiliaries (had, was, « avait », « était »);</item>
/// <item><c>policy</c>: what staff do with content (post, delete, share, report, screenshot, « publier »,
/// « supprimer », « partager », « signaler »);</item>
/// <item><c>public</c>: public matters (campaign, training, article, memorial, statistics, « campagne »,
/// « formation », « commémoration »);</item>
/// <item><c>asking</c>: a question about what to do (should, can we, « est-ce que », « doit-on »);</item>
/// <item><c>now</c>: the present and what is about to happen (right now, tonight, on his way, « en ce moment »,
/// « ce soir », « s'en vient »).</item>
/// </list>
/// A message yields each group it has once, and three combinations the groups alone can't express in a linear
/// model: a time gone by with no word of now, a public matter with no word of now, and a question about content
/// with no word of now. The model weighs them like any other feature: they add evidence, they decide nothing.
/// </summary>
public sealed partial class CrisisClassifier
{
    private const uint SeedGroup = 0x61C88647;

    [Flags]
    private enum Group
    {
        None = 0,
        Past = 1,
        Policy = 2,
        Public = 4,
        Asking = 8,
        Now = 16,
    }

    /// <summary>Folded words and two-word phrases (one space between, as <see cref="FoldInto"/> writes them) and their group: a phrase of three words is written as its last two (« s'en vient » as "en vient").</summary>
    private static Group GroupOf(ReadOnlySpan<char> words) => GroupTable.Lookup.TryGetValue(words, out var group) ? group : Group.None;

    /// <summary>Built on first use, after the folding table it is written with.</summary>
    private static class GroupTable
    {
        public static readonly Dictionary<string, Group>.AlternateLookup<ReadOnlySpan<char>> Lookup = BuildGroups().GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Emits one feature per group found, then the combinations with no word of now.</summary>
    private static void GroupFeatures<T>(Group found, ref T visitor) where T : struct, IFeatureVisitor
    {
        if (found == Group.None) return;
        for (var bit = 1; bit <= (int)Group.Now; bit <<= 1)
        {
            if ((found & (Group)bit) != 0) visitor.Visit(Index(Mix((uint)bit, SeedGroup)));
        }
        if ((found & Group.Now) != 0) return;
        if ((found & Group.Past) != 0) visitor.Visit(Index(Mix(0x100u, SeedGroup)));
        if ((found & Group.Public) != 0) visitor.Visit(Index(Mix(0x200u, SeedGroup)));
        if ((found & (Group.Policy | Group.Asking)) == (Group.Policy | Group.Asking)) visitor.Visit(Index(Mix(0x400u, SeedGroup)));
    }

    private static Dictionary<string, Group> BuildGroups()
    {
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        void Add(Group group, string words)
        {
            foreach (var entry in words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Written as folded text is: lower case, no accents, one space between words, a doubled letter kept once.
                var folded = new char[entry.Length + 1];
                var key = new string(folded, 0, FoldInto(entry, folded));
                groups[key] = groups.GetValueOrDefault(key) | group;
            }
        }

        Add(Group.Past, "yesterday, ago, earlier, previously, formerly, already, last week, last month, last year, last spring, last summer, last fall, last winter, last time, back in, had, was, were, did, "
            + "hier, avant-hier, auparavant, autrefois, déjà, dernièrement, semaine passée, semaine dernière, mois passé, mois dernier, an passé, an dernier, année passée, année dernière, "
            + "été passé, automne passé, hiver passé, printemps passé, dernière fois, avait, avaient, était, étaient, a été, ont été, a eu");
        Add(Group.Policy, "post, posted, posting, repost, delete, deleted, remove, removed, removing, share, shared, sharing, report, reported, reporting, screenshot, screenshots, screenshotted, "
            + "block, blocked, ban, banned, hide, hid, hidden, moderate, publish, published, reply, respond, document, archive, flag, flagged, boost, "
            + "publier, publié, publiée, publication, supprimer, supprimé, supprimée, effacer, effacé, retirer, retiré, partager, partagé, partage, signaler, signalé, bloquer, bloqué, "
            + "bannir, banni, masquer, masqué, modérer, répondre, documenter, archiver, d'écran, relayer, diffuser");
        Add(Group.Public, "campaign, awareness, training, workshop, webinar, article, articles, news, newspaper, journalist, media, memorial, vigil, anniversary, commemoration, "
            + "statistics, stats, prevention, poster, infographic, conference, documentary, podcast, newsletter, "
            + "campagne, sensibilisation, formation, atelier, webinaire, article, nouvelles, journal, journaliste, médias, commémoration, vigile, hommage, anniversaire, "
            + "statistiques, prévention, affiche, infographie, conférence, documentaire, balado, infolettre, colloque");
        Add(Group.Asking, "should, can we, could we, may we, how do, how should, what do, what should, it ok, it okay, allowed, "
            + "est-ce, peut-on, doit-on, faut-il, devrait-on, devrions, pouvons-nous, comment on, fait quoi, est-il");
        Add(Group.Now, "now, right now, tonight, currently, outside, his way, her way, coming, just now, this minute, hurry, "
            + "maintenant, ce moment, ce soir, présentement, actuellement, dehors, en vient, de suite, en train, arrive, à matin, cette nuit");
        return groups;
    }
}
