using System.Globalization;
using System.Text;
using PolicyBot.Knowledge;
using PolicyBot.Matching;
using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;
using static PolicyBot.Matching.ScopeKindClassifier;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// How the scope layers do on wording by someone they never learnt from: leave-one-author-out cross-validation over
/// the corpus's authors (<see cref="AuthorOf"/>; who each is: the content README). For each author, the crisis model
/// and the small-talk and unrelated heads are trained on every other author's messages and the content's own (scope
/// examples, topics), and that author's messages go through the rules, then those models, as the bot reads them.
/// Reported per author, kind and language; the floors are what was measured (see each row), so a change of the
/// features, the training or the data that loses a message on unseen wording fails here.
/// <para>
/// This replaced the held-out figures of the five scope sets (<c>Data/scope-*-set.json</c>): each set is now an
/// author's part of the corpus (<c>a3</c> … <c>a6</c>), so its honest figure is the one where its author is left
/// out. The rules are not left out: they were widened after reading the misses of <c>a3</c>'s and <c>a4</c>'s sets,
/// so those authors' figures are optimistic by what the rules learnt. The held-out measure is the next blind set
/// (<c>holdout6</c>, kept by the coordinator), which no training data and no test here holds.
/// </para>
/// <para>
/// Crisis recall with each author left out, fr / en (rules in front, threshold 0.8), as first measured on this corpus
/// with the training as it was (one seeded shuffle): 1st 331/334, 320/333; 2nd 208/214, 189/200; a3 55/55, 55/55; a4
/// 54/60, 60/60; a5 78/80, 79/80; a6 69/70, 70/70. With training in fixed orders and three members averaged: 1st
/// 328, 322; 2nd 207, 193; a4 56, 60; a6 69, 69; the others unchanged. Then, after reading those misses, crisis rules
/// for the patterns they showed (being followed, an assault in progress, a bare plea for help, a collapse, indirect
/// suicide cues, "I can't talk", an abuser driving here), in general words, never a set's message: 1st 334, 329;
/// 2nd 214, 198; a4 56, 60; a6 69, 70. Last, the threshold down from 0.8 to 0.5 (the lowest that keeps every routing
/// set within its 2%): the rows below (1st en 330, 2nd en 199, a4 fr 57; 1st en ordinary taken for crisis 25 → 27).
/// The rules were written knowing these misses, so the gain they bring here (1st and 2nd mostly) is optimistic; what
/// is left is mostly threats quoted from a comment or a live video, which only the classifier can learn.
/// </para>
/// <para>
/// Then two authors who wrote training data blind joined (<c>a7</c>, <c>a8</c>: 40 crisis messages and 130 policy
/// questions per language each, about 30 of those hard negatives; <c>Data/BLIND-SETS.md</c>). With their 520 calm
/// messages, alarming wording leans calmer for every model: 1st en 330 → 329, 2nd en 199 → 197, a4 fr 57 → 56, a5 fr
/// 78 → 77 crisis messages (one gained elsewhere: a live video in front of the house), and the routing sets' policy
/// questions taken for crisis 10 → 9 of 798. Their own figures with each left out: a7 39/40, 40/40; a8 40/40, 39/40;
/// their policy questions taken for crisis 16, 15 and 22, 11 of 130 (hard negatives 13/31, 14/32 and 12/32, 9/32),
/// most of them by the rules' words (kill, weapon, suicide, threat), which no model overrules.
/// </para>
/// <para>
/// Then the crisis model's feature groups (past, policy, public, asking, now, and the first three with no word of
/// now: <c>CrisisClassifier.Groups.cs</c>) and its threshold from 0.5 to 0.6, chosen on this table: three crisis
/// messages more and none fewer (1st en 330, 2nd en 198, a8 en 40), the authors' ordinary messages taken for crisis
/// 199 → 198 (the model's share 51 → 50: 1st en 28 → 27, a8 fr 22 → 21, 2nd fr 25 → 26), the routing sets' 9 → 9
/// (test 3 → 2, dev 0 → 1). The heads do not read the groups; one unrelated message of a5 fr is now taken for a crisis
/// (16 → 15, the cheaper error).
/// </para>
/// <para>
/// Then the legal head (<see cref="ScopeKindClassifier"/>: trained on the corpus's legal messages and the legal
/// examples, asked only for a message the rules and the crisis layer leave unrecognised), with twenty legal examples
/// in words no rule lists ("are we on the hook", « on risque-tu ») and six policy counter-examples in the scope data.
/// Legal with each author left out: a4 fr 23 → 24, a5 en 18 → 19, none fewer; ordinary messages taken for legal: the
/// rules' 18 of 1,109, none added by the head at its thresholds (2, and 4 with a word of social media, chosen on
/// <see cref="LegalThresholdSweep_IsPrinted"/>). The new calm examples moved the other models by a message each: 1st en
/// ordinary taken for crisis 27 → 28, 2nd fr unrelated 45 → 44, a4 fr unrelated 24 → 23 (floors moved with them).
/// The rules' legal words were written knowing these authors' legal messages, so the head has little left to gain
/// here; the head alone recognises 176 of their 284 legal messages at 2 (the sweep's last column), the measure of
/// wording it never saw.
/// </para>
/// <para>
/// Then two more authors who wrote training data blind (<c>a9</c>, <c>a10</c>: per language 45 crisis messages, 30 legal
/// questions mostly without the obvious words, 20 unrelated messages, 120 policy questions of which 35 or 36 alarming
/// but calm; <c>Data/BLIND-SETS.md</c>), less three exact copies of corpus messages and two of blind-set messages. Their
/// own figures with each left out: crisis a9 44/44, 45/45, a10 42/43, 42/43; legal a9 13/30, 17/30 (the rules alone 10,
/// 15), a10 14/30, 12/30 (11, 12); unrelated a9 14, 12 and a10 15, 16 of 20; policy questions taken for crisis a9 26,
/// 33 and a10 22, 21 of about 120. The earlier authors moved by a message or two each way: crisis 1st en 330 → 329, a7
/// fr 39 → 40; ordinary taken for crisis 1st fr 33 → 31, 1st en 28 → 29, a8 fr 21 → 20, a8 en 11 → 12; unrelated 1st
/// fr 39 → 40, 1st en 40 → 39, 2nd en 39 → 41, a3 en 49 → 48, a4 fr 23 → 22, a4 en 26 → 27; small talk 2nd en 50 → 49;
/// ordinary taken for legal a7 en 3 → 4, a8 fr 3 → 4. The legal head's sweep over ten authors kept its thresholds (2,
/// and 4 with social media: ten legal questions more than the rules, two ordinary messages, one routing question).
/// </para>
/// <para>
/// Then legal rules in the words staff use for exposure and obligations (legal9 branch; <c>legal.json</c>'s concepts
/// <c>legal-exposure</c>, <c>legal-held</c>, <c>legal-insurance</c>: "on the hook", "come back on us", "are we responsible
/// if", a formal notice, image rights, record retention, firing a worker over a post, insurance; « nous retomber
/// dessus », « on risque-tu », « est-ce qu'on est responsables », « droit à l'image », « durée de conservation »…), written
/// from general knowledge before reading the authors' legal messages, and four policy counter-examples with
/// "responsible" / « responsable » (which the heads also learn from). Legal with each author left out: 1st fr 14 → 15,
/// 1st en 14 → 16, a6 fr 15 → 16, a6 en 18 → 19, a9 fr 13 → 14, a10 fr 14 → 17, a10 en 12 → 14 (floors raised with
/// them), none fewer; ordinary messages taken for legal and every other figure unchanged.
/// </para>
/// <para>
/// Then two more authors who wrote training data blind (<c>a11</c>, <c>a12</c>: per language 45 crisis messages, 30 legal
/// questions, 20 unrelated messages, 120 policy questions of which 35 alarming but calm; <c>Data/BLIND-SETS.md</c>), less
/// five crisis messages equal (case, accents and punctuation aside) to messages already shipped or in a set (a11 fr 1,
/// en 3; a12 en 1). With them the crisis model lost two messages of authors at 100%: a8 en "hiding under the desk"
/// (taken for unrelated) and a6 en a reply showing the house with "a target drawn over the window"; two crisis rules
/// in general words won them back ("hiding under" with the other hiding words, « cachée sous » likewise; "target
/// drawn", "drew a target", "target over" with the veiled threats, which need a word of social media), written
/// knowing those two misses. Their own figures with each left out: crisis a11 44/44, 41/42, a12 45/45, 44/44; legal
/// a11 15/30, 17/30 (the rules alone 12, 15), a12 15/30, 18/30 (13, 17); unrelated a11 17, 16 and a12 13, 13 of 20;
/// policy questions taken for crisis a11 26, 26 and a12 19, 25 of 120 (hard negatives 16/35, 21/35 and 15/35, 16/35).
/// The earlier authors, each way: crisis 1st en 329 → 331, 2nd en 198 → 197 ("intruder" alone, 0.60 under the bar);
/// small talk 2nd fr 54 → 55, 2nd en 49 → 50; unrelated a3 fr 50 → 51, a3 en 48 → 50, a4 fr 22 → 23, a6 fr 23 → 22,
/// a6 en 23 → 22, a9 en 12 → 13, a10 fr 15 → 16, a10 en 16 → 18; legal a4 fr 24 → 25, a9 fr 14 → 16, a9 en 17 → 19,
/// a10 fr 17 → 18, a10 en 14 → 17; ordinary taken for crisis 1st fr 31 → 26, 1st en 29 → 25, 2nd fr 26 → 25, a7 fr
/// 16 → 15, a7 en 15 → 14, a8 en 12 → 13, a9 fr 26 → 24, a9 en 33 → 32; ordinary taken for legal a5 fr 1 → 2, a7 fr
/// 6 → 7, a7 en 4 → 3, a8 en 2 → 3, a9 fr 0 → 1. Over all twelve, the crisis sweep at 0.6: fr 1060/1069, en 1044/1052,
/// ordinary taken for crisis 382 of 2,068; the spent routing sets' policy questions taken for crisis or unrelated dev
/// 1, test 2, holdout 2, dev2 0 (of 114, 190, 190, 114; before: 0, 2, 3, 0).
/// </para>
/// <para>
/// Then the legal head's sweep over the twelve authors (<see cref="LegalThresholdSweep_IsPrinted"/>): its bar for a
/// message with a word of social media from 4 to 3, five legal questions more with each author left out (fr 190 → 194,
/// en 203 → 204 of 262: a11 fr 15 → 17, a12 fr 15 → 17, a9 en 19 → 20, floors raised with them), no ordinary message
/// more, one spent routing question more taken for legal (holdout, 4 → 5 of 190: the legal reply, then its topic).
/// </para>
/// <para>
/// Then two more authors who wrote training data blind (<c>a13</c>, <c>a14</c>: the same brief as <c>a11</c> and <c>a12</c>;
/// <c>Data/BLIND-SETS.md</c>), less ten messages equal (case, accents and punctuation aside) to messages already shipped
/// or in a set, counted by a script that printed no text: a13 fr 1 crisis, en 3 crisis and 1 unrelated; a14 fr 1
/// unrelated and 1 policy question, en 3 crisis. No earlier author's crisis message was lost, so no crisis rule was
/// added. Their own figures with each left out: crisis a13 44/44, 42/42, a14 45/45, 42/42; legal a13 15/30, 22/30
/// (the rules alone 10, 8), a14 20/30, 22/30 (15, 14); unrelated a13 16/20, 12/19 and a14 15/19, 15/20; policy
/// questions taken for crisis a13 27/120, 20/120 and a14 22/119, 15/120 (hard negatives 26/36, 20/35 and 19/35,
/// 14/35). The earlier authors, each way (at the legal bars then shipped, 2 and 3): crisis a10 en 42 → 43, a11 en
/// 41 → 42 (every earlier author now at 100% but 1st en 332/333, 2nd en 198/200, a4 fr 58/60, a5 fr 77/80); small
/// talk 2nd en 50 → 49, a4 en 29 → 28; unrelated 1st en 39 → 40, 2nd fr 44 → 43, 2nd en 41 → 40, a5 en 18 → 20, a6
/// fr 22 → 23, a9 fr 14 → 16, a9 en 13 → 16, a10 en 18 → 17, a12 fr 13 → 16, a12 en 13 → 14; legal a9 fr 16 → 18, a9
/// en 20 → 18, a10 fr 18 → 21, a10 en 17 → 18, a11 fr 17 → 19, a11 en 17 → 16, a12 en 18 → 19; ordinary taken for
/// crisis 1st fr 26 → 30, 1st en 25 → 27, a5 fr 5 → 4, a7 en 14 → 15, a8 fr 20 → 19, a8 en 13 → 10, a9 fr 24 → 23,
/// a9 en 32 → 33, a11 fr 26 → 25, a11 en 26 → 24; ordinary taken for legal a7 fr 7 → 8, a8 fr 4 → 3, a9 fr 1 → 2. The
/// earlier floors moved with these figures (those below the measure, such as 1st en 331, rose to it). Over all
/// fourteen, the crisis sweep at 0.6: fr 1153/1158, en 1133/1136 (the twelve earlier authors fr 1064 → 1064, en 1047 →
/// 1049), ordinary taken for crisis 465 of 2,547 (the twelve earlier 382 → 381 of 2,068); the spent routing sets'
/// policy questions taken for crisis or unrelated dev 0, test 2, holdout 2, dev2 0 (before: 1, 2, 2, 0).
/// </para>
/// <para>
/// Then two more authors who wrote training data blind (<c>a15</c>: Ontario and newcomer staff, crisis reported
/// second-hand or buried in routine text; <c>a16</c>: Montréal, Acadian and Northern staff, danger worded indirectly;
/// <c>Data/BLIND-SETS.md</c>), less nine messages equal (case, accents and punctuation aside) to messages already
/// shipped, in a set or in the other's file, counted by a script that printed no text: a15 en 1 crisis and 1
/// unrelated; a16 fr 2 crisis and 1 unrelated, en 3 crisis and 1 unrelated. The new calm data cost two crisis messages
/// of earlier authors who were at 100%: 1st fr « envoyez quelqu'un » (a bare plea, then read as a greeting), won back by
/// the French plea words « envoyez » and « quelqu'un » (the English list has "send" and "someone"; the rule needs every
/// word of the message to be a plea word); and a11 en's indirect suicide cue in a long question (a note "for after", a
/// long silent bath; −0.15), the one it missed when it joined, left to the model (a rule for it would be written for
/// that one message; the crisis threshold's sweep is the next step). Their own figures with each left out: crisis a15 45/45, 44/44, a16 43/43,
/// 42/42; legal a15 23/30, 22/30 (the rules alone 21, 15), a16 23/30, 22/30 (17, 17); unrelated a15 13/20, 12/19 and
/// a16 14/19, 15/19; policy questions taken for crisis a15 21/120, 32/120 and a16 20/120, 17/120 (hard negatives 13/35,
/// 22/35 and 16/35, 14/35). The earlier authors, each way: crisis a11 en 42 → 41; unrelated 1st en 40 → 41, 2nd en 40
/// → 41, a3 en 50 → 48, a5 fr 15 → 16, a5 en 20 → 19, a10 en 17 → 18, a11 en 16 → 17, a12 fr 16 → 14, a12 en 14 → 16,
/// a13 fr 16 → 17, a13 en 12 → 13, a14 fr 15 → 16, a14 en 15 → 17; legal a9 fr 18 → 21, a9 en 20 → 19, a11 fr 19 → 21,
/// a11 en 17 → 19, a12 fr 17 → 18, a13 fr 15 → 16, a13 en 24 → 21, a14 fr 20 → 23, a14 en 23 → 21; ordinary taken for
/// crisis 1st en 27 → 25, 2nd fr 25 → 26, a6 fr 6 → 5, a6 en 7 → 8, a9 fr 23 → 24, a9 en 33 → 31, a10 fr 22 → 21, a11
/// fr 25 → 23, a11 en 24 → 23, a12 fr 19 → 17, a12 en 25 → 26, a14 fr 22 → 20, a14 en 15 → 16; ordinary taken for legal
/// 1st fr 1 → 2, a8 fr 4 → 3, a9 en 4 → 5, a11 fr 1 → 2, a11 en 2 → 3, a13 en 2 → 1. The floors moved with these
/// figures (lowered: a11 en crisis 42 → 41, unrelated a3 en 50 → 48, a5 en 20 → 19, a12 fr 16 → 14; legal a9 en
/// 20 → 19, a13 en 24 → 21, a14 en 23 → 21; ordinary taken for crisis 2nd fr 25 → 26, a6 en 7 → 8, a9 fr 23 → 24, a12
/// en 25 → 26, a14 en 15 → 16; for legal 1st fr 1 → 2, a9 en 4 → 5, a11 fr 1 → 2, a11 en 2 → 3). Over all sixteen, at
/// 0.6: crisis fr 1241/1246, en 1218/1222 (the fourteen earlier authors fr 1153 → 1153, en 1133 → 1132), ordinary
/// taken for crisis 547 of 3,027 (the fourteen earlier 465 → 457 of 2,547); legal questions 588 of 764 (the fourteen
/// earlier 492 → 498 of 644); the spent routing sets' policy questions taken for crisis or unrelated dev 0, test 2,
/// holdout 2, dev2 0 (unchanged).
/// </para>
/// <para>
/// Then two more authors who wrote training data blind, with 40 legal questions per language each (<c>a17</c>:
/// Prairie and BC staff, on-reserve shelters among them; <c>a18</c>: Québec outside Montréal and English Quebecers;
/// <c>Data/BLIND-SETS.md</c>), less seven messages equal (case, accents and punctuation aside) to messages already
/// shipped or in a set, counted by a script that printed no text: a17 fr 1 crisis, en 3 crisis and 1 unrelated; a18 fr
/// 1 crisis and 1 unrelated. The new calm data lowered four crisis messages of earlier authors under the threshold
/// (scores 0.04 to 0.35): three are won back by the rules with words the other language or the same list already had
/// (the English "i'm scared", "im scared", "i am scared" as soft alarm, as French has « j'ai peur »; "won't make it home"
/// as a veiled threat, beside "won't make it through the winter"; « une tombe », « ta tombe », « sa tombe » as a French
/// veiled threat, as English has "grave"; both veiled-threat rules need a word of social media), and one is left to the
/// model: a6 fr's colleague photographed at her own door tonight (0.24; a rule for it would be written for that one
/// message). a11 en's indirect suicide cue, lost when a15 and a16 joined, is recognised again (42/42). Their own
/// figures with each left out: crisis a17 44/44, 42/42, a18 44/44, 43/45 (a goodbye in a comment on an awareness post,
/// and a baby wheezing and going grey, left to the model); legal a17 28/40, 19/40 (the rules alone 19, 13), a18 29/40,
/// 14/40 (21, 9); unrelated a17 17/20, 16/19 and a18 16/19, 16/20; policy questions taken for crisis a17 17/120,
/// 23/120 and a18 20/120, 19/120 (hard negatives 14/37, 22/35 and 20/36, 16/36). The earlier authors, each way: crisis
/// a6 fr 70 → 69, a11 en 41 → 42; small talk 1st fr 37 → 38, 2nd fr 55 → 53, 2nd en 49 → 51, a4 en 28 → 29, a6 fr
/// 24 → 23, a6 en 22 → 23; unrelated 2nd fr 43 → 44, 2nd en 41 → 38, a3 en 48 → 49, a5 fr 16 → 15, a6 fr 23 → 22, a6
/// en 22 → 23, a10 en 18 → 17, a11 en 17 → 15, a13 en 13 → 14, a14 en 17 → 15, a15 fr 13 → 15, a15 en 12 → 13, a16 fr
/// 14 → 15, a16 en 15 → 16; legal a5 en 19 → 20, a9 en 19 → 20, a11 fr 21 → 20, a11 en 19 → 18, a12 fr 18 → 19, a12
/// en 21 → 22, a13 fr 16 → 21, a13 en 21 → 25, a14 en 21 → 23, a15 en 22 → 23, a16 fr 23 → 25, a16 en 22 → 24;
/// ordinary taken for crisis 1st fr 30 → 29, 1st en 25 → 24, 2nd fr 26 → 25, a5 fr 4 → 5, a6 fr 5 → 6, a7 fr 15 → 14,
/// a7 en 15 → 14, a8 fr 19 → 18, a9 fr 24 → 22, a10 fr 21 → 22, a11 fr 23 → 22, a11 en 23 → 22, a12 en 26 → 24, a13
/// fr 27 → 28, a14 fr 20 → 21, a15 fr 21 → 22, a16 fr 20 → 19, a16 en 17 → 16; ordinary taken for legal 1st en 1 → 2,
/// a7 fr 8 → 10, a7 en 3 → 4, a8 fr 3 → 4, a10 en 1 → 2, a11 fr 2 → 1, a12 en 2 → 3, a13 fr 1 → 2, a14 fr 2 → 1, a14
/// en 2 → 3, a16 en 1 → 2. The floors moved with these figures (lowered: a6 fr crisis 70 → 69; small talk 2nd fr
/// 55 → 53, a6 fr 24 → 23; unrelated 2nd en 41 → 38, a5 fr 16 → 15, a6 fr 23 → 22, a10 en 18 → 17, a11 en 17 → 15,
/// a14 en 17 → 15; legal a11 fr 21 → 20, a11 en 19 → 18; ordinary taken for crisis a5 fr 4 → 5, a6 fr 5 → 6, a10 fr
/// 21 → 22, a13 fr 27 → 28, a14 fr 20 → 21, a15 fr 21 → 22; for legal 1st en 1 → 2, a7 fr 8 → 10, a7 en 3 → 4, a8 fr
/// 3 → 4, a10 en 1 → 2, a12 en 2 → 3, a13 fr 1 → 2, a14 en 2 → 3, a16 en 1 → 2). Over all eighteen, at 0.6: crisis fr
/// 1328/1334, en 1304/1309 (the sixteen earlier authors fr 1241 → 1240, en 1218 → 1219), ordinary taken for crisis
/// 618 of 3,507 (the sixteen earlier 547 → 539 of 3,027); legal questions 696 of 924 (the sixteen earlier 588 → 606 of
/// 764); the spent routing sets' policy questions taken for crisis or unrelated dev 0, test 2, holdout 2, dev2 0
/// (unchanged).
/// </para>
/// <para>
/// Then two more authors who wrote training data blind, 40 legal questions per language each like the pair before
/// (<c>a19</c>: relief and night staff, volunteers, youth workers, dictated messages, danger reported second-hand;
/// <c>a20</c>: managers, communications staff and the board, questions that quote what was posted;
/// <c>Data/BLIND-SETS.md</c>), less eleven messages equal (case, accents and punctuation aside) to messages already
/// shipped, in a set or in the other new author's file, counted by a script that printed no text: a19 fr 1 crisis and 1
/// policy, en 1 crisis, 1 unrelated and 2 policy; a20 fr 2 crisis, en 2 crisis and 1 unrelated. Their own figures with
/// each left out: crisis a19 44/44, 44/44, a20 42/43, 42/43 (a resident's live video showing the street while her ex
/// comments on the address, and a moderation report of a photo of the shelter's door number with a meeting time at
/// midnight, left to the model); legal a19 24/40, 24/40 (the rules alone 17, 17), a20 25/40, 26/40 (21, 18); unrelated
/// a19 16/20, 18/19 and a20 15/20, 12/19; policy questions taken for crisis a19 28/119, 25/118 and a20 20/120, 19/120
/// (hard negatives 21/35, 20/35 and 18/35, 18/35). The earlier authors, each way: crisis a4 fr 58 → 57 (a page that
/// published a resident's photo and the address, men saying they will go there: 0.598, just under the threshold; left
/// to the model, as no rule word of either language names it), a6 fr 69 → 70; small talk 1st fr 38 → 37, 2nd fr 53 →
/// 54, a5 en 20 → 19, a6 fr 23 → 24; unrelated 1st en 41 → 40, 2nd en 38 → 39, a3 fr 51 → 50, a3 en 49 → 50, a4 fr 23
/// → 22, a9 fr 16 → 17, a9 en 16 → 15, a11 en 15 → 16, a12 fr 14 → 15, a12 en 16 → 15, a14 fr 16 → 18, a14 en 15 →
/// 18, a15 fr 15 → 14, a15 en 13 → 14, a16 en 16 → 17, a18 fr 16 → 15; legal a10 fr 21 → 22, a11 fr 20 → 23, a11 en
/// 18 → 20, a12 fr 19 → 20, a12 en 22 → 21, a13 fr 21 → 22, a14 en 23 → 22, a15 en 23 → 25, a16 fr 25 → 24, a16 en
/// 24 → 23, a17 fr 28 → 31, a17 en 19 → 23, a18 fr 29 → 30; ordinary taken for crisis 1st fr 29 → 31, a8 fr 18 → 19,
/// a8 en 10 → 11, a9 fr 22 → 23, a10 fr 22 → 21, a10 en 21 → 20, a11 fr 22 → 23, a13 fr 28 → 27, a13 en 20 → 21, a15
/// en 32 → 33, a16 fr 19 → 20, a17 fr 17 → 19, a17 en 23 → 25; ordinary taken for legal 1st fr 2 → 1, 1st en 2 → 3,
/// 2nd en 0 → 1, a5 fr 2 → 1, a7 en 4 → 3, a8 fr 4 → 3, a9 en 5 → 4, a10 fr 2 → 3, a10 en 2 → 1, a11 en 3 → 2, a13
/// en 1 → 2, a14 en 3 → 2, a15 fr 3 → 4, a16 en 2 → 1, a17 fr 2 → 3. The floors moved with these figures (lowered:
/// crisis a4 fr 58 → 57; small talk 1st fr 38 → 37, a5 en 20 → 19; unrelated 1st en 41 → 40, a3 fr 51 → 50, a4 fr 23
/// → 22, a9 en 16 → 15, a12 en 16 → 15, a15 fr 15 → 14, a18 fr 16 → 15; legal a12 en 22 → 21, a14 en 23 → 22, a16 fr
/// 25 → 24, a16 en 24 → 23; ordinary taken for crisis 1st fr 29 → 31, a8 fr 18 → 19, a8 en 10 → 11, a9 fr 22 → 23,
/// a11 fr 22 → 23, a13 en 20 → 21, a15 en 32 → 33, a16 fr 19 → 20, a17 fr 17 → 19, a17 en 23 → 25; for legal 1st en
/// 2 → 3, 2nd en 0 → 1, a10 fr 2 → 3, a13 en 1 → 2, a15 fr 3 → 4, a17 fr 2 → 3). Over all twenty, at 0.6: crisis fr
/// 1414/1421, en 1390/1396 (the eighteen earlier authors unchanged, fr 1328, en 1304), ordinary taken for crisis 720
/// of 3,984 (the eighteen earlier 618 → 628 of 3,507); legal questions 809 of 1,084 (the eighteen earlier 696 → 710
/// of 924, the new data alone); ordinary taken for legal 87 of 3,984 (the eighteen earlier 81 → 78); the spent
/// routing sets' policy questions taken for crisis or unrelated dev 0, test 2, holdout 2, dev2 0 (unchanged).
/// </para>
/// <para>
/// Then two more authors who wrote training data blind, 40 legal questions per language each like the pairs before
/// (<c>a21</c>: second-language writers, Acadian and Chiac, peer-support and rural or northern staff, short phone
/// fragments and code words; <c>a22</c>: long or mixed messages by supervisors, transition-house coordinators and the
/// board, channel messages addressing the assistant; <c>Data/BLIND-SETS.md</c>), less eight messages equal (case,
/// accents and punctuation aside) to messages already shipped or in a set, counted by a script that printed no text:
/// a21 fr 2 crisis and 1 policy, en 2 crisis, 1 unrelated and 1 policy; a22 en 1 crisis. Their own figures with each
/// left out: crisis a21 41/43, 41/43 (a team's code words, « code bleu ch 5 » and "pineapple pineapple rm 2", and a bare
/// call to lock down, « confinement maintenant » and "lockdown NOW", left to the model: a code word is a team's own, and
/// a rule for a lockdown word would be written for those two messages), a22 45/45, 44/44; legal a21 31/40, 26/40 (the
/// rules alone 22, 20), a22 22/40, 24/40 (17, 21); unrelated a21 13/20, 16/19 and a22 14/20, 16/20; policy questions
/// taken for crisis a21 12/119, 11/119 and a22 29/120, 37/120 (hard negatives 12/37, 10/38 and 19/37, 20/36). The
/// earlier authors, each way: crisis 1st fr 334 → 333 (a worker followed home by a resident's ex: 0.45 with its author
/// left out, under the threshold; the French rule for being pursued cannot name it, as « suivre » is also a word of
/// social media, which that rule excludes; left to the model), 2nd en 198 → 199, a4 fr 57 → 59; small talk a6 en 23 →
/// 22; unrelated 2nd fr 44 → 43, a3 fr 50 → 51, a3 en 50 → 51, a4 fr 22 → 24, a9 fr 17 → 16, a11 en 16 → 17, a12 fr
/// 15 → 14, a13 en 14 → 13, a14 en 18 → 16, a15 fr 14 → 15, a16 en 17 → 18, a17 fr 17 → 16, a18 fr 15 → 16, a18 en
/// 16 → 17, a19 en 18 → 17, a20 en 12 → 14; legal a9 en 20 → 23, a10 fr 22 → 21, a11 en 20 → 22, a12 en 21 → 22, a13
/// en 25 → 26, a14 en 22 → 24, a15 fr 23 → 25, a16 fr 24 → 25, a16 en 23 → 25, a17 fr 31 → 33, a18 fr 30 → 28, a19
/// fr 24 → 28, a19 en 24 → 28, a20 fr 25 → 27; ordinary taken for crisis 1st en 24 → 21, a7 fr 14 → 15, a9 fr 23 →
/// 20, a9 en 31 → 28, a10 en 20 → 21, a11 fr 23 → 21, a13 en 21 → 20, a14 fr 21 → 19, a15 fr 22 → 21, a15 en 33 → 32,
/// a17 fr 19 → 18, a17 en 25 → 24, a18 en 19 → 18, a19 fr 28 → 26, a20 fr 20 → 19; ordinary taken for legal 1st fr
/// 1 → 2, 2nd en 1 → 0, a7 fr 10 → 9, a7 en 3 → 4, a8 fr 3 → 4, a13 en 2 → 1, a15 fr 4 → 3, a17 fr 3 → 2, a18 en
/// 4 → 3, a19 fr 3 → 2, a20 en 2 → 3. The floors moved with these figures (lowered: crisis 1st fr 334 → 333; small
/// talk a6 en 23 → 22; unrelated 2nd fr 44 → 43, a9 fr 17 → 16, a12 fr 15 → 14, a13 en 14 → 13, a14 en 18 → 16, a17
/// fr 17 → 16, a19 en 18 → 17; legal a10 fr 22 → 21, a18 fr 30 → 28; ordinary taken for crisis a7 fr 14 → 15, a10 en
/// 20 → 21; for legal 1st fr 1 → 2, a7 en 3 → 4, a8 fr 3 → 4, a20 en 2 → 3). Over all twenty-two, at 0.6: crisis fr
/// 1501/1509, en 1476/1483 (the twenty earlier authors fr 1414 → 1415, en 1390 → 1391 of 1421 and 1396), ordinary
/// taken for crisis 789 of 4,462 (the twenty earlier 720 → 700 of 3,984); legal questions 935 of 1,244 (the twenty
/// earlier 809 → 832 of 1,084, the new data alone); ordinary taken for legal 91 of 4,462 (the twenty earlier 87 → 84);
/// the spent routing sets' policy questions taken for crisis or unrelated dev 0, test 2, holdout 2, dev2 0 (unchanged).
/// </para>
/// <para>
/// Then two more authors who wrote training data blind, 40 legal questions per language each like the pairs before
/// (<c>a23</c>: tense and certainty, shift-log lines with times and emojis, danger told only by time words or ongoing
/// states, the same events told calmly in the past or as hypotheses, legal questions about records and formal requests;
/// <c>a24</c>: danger that starts online and is happening now, children and teens, youth and IT-savvy staff, legal
/// questions about young people and families; <c>Data/BLIND-SETS.md</c>), less five messages equal (case, accents and
/// punctuation aside) to messages already shipped or in a set, counted by a script that printed no text: a23 fr 1
/// policy; a24 fr 1 crisis and 1 legal, en 1 crisis and 1 unrelated. Their own figures with each left out: crisis a23
/// 45/45, 45/45, a24 44/44, 44/44; legal a23 33/40, 29/40 (the rules alone 19, 18), a24 30/39, 26/40 (21, 12);
/// unrelated a23 15/20, 18/20 and a24 18/20, 17/19; policy questions taken for crisis a23 18/119, 21/120 and a24
/// 15/120, 13/120 (hard negatives 17/35, 18/35 and 13/36, 13/36). The earlier authors, each way: crisis 2nd fr 214 →
/// 213 (a fire typed « le feux est pogné », 0.38: the fire rule has the phrase without the typo), 2nd en 199 → 198 (a
/// worker tracked to her child's school, 0.19: the rule for being pursued has "tracked me to", but "tracked" is also a
/// word of policy, which that rule excludes), a4 fr 59 → 58 (an absent colleague's last message, 0.11), a21 fr 41 → 40
/// (a team's code word, −1.35), all four left to the model; small talk 2nd fr 54 → 53, a5 fr 20 → 19; unrelated a4 fr
/// 24 → 22, a5 en 19 → 20, a6 fr 22 → 23, a9 en 15 → 16, a10 fr 16 → 17, a10 en 17 → 18, a11 en 17 → 18, a12 en 15 →
/// 16, a13 en 13 → 14, a14 en 16 → 17, a15 fr 15 → 16, a16 en 18 → 17, a17 fr 16 → 17, a18 en 17 → 16, a19 fr 16 → 17,
/// a20 fr 15 → 16, a20 en 14 → 15, a21 en 16 → 17, a22 en 16 → 15; legal a9 fr 21 → 22, a9 en 23 → 25, a10 fr 21 →
/// 22, a11 en 22 → 21, a12 en 22 → 21, a15 en 25 → 24, a16 en 25 → 24, a17 fr 33 → 32, a17 en 23 → 25, a18 fr 28 → 29,
/// a18 en 14 → 16, a19 fr 28 → 26, a19 en 28 → 29, a20 fr 27 → 30, a20 en 26 → 27, a21 fr 31 → 29, a22 fr 22 → 21, a22
/// en 24 → 26; ordinary taken for crisis 1st fr 31 → 30, 1st en 21 → 25, a9 fr 20 → 19, a9 en 28 → 26, a10 fr 21 → 20,
/// a13 fr 27 → 26, a15 fr 21 → 20, a15 en 32 → 33, a16 fr 20 → 17, a17 fr 18 → 20, a17 en 24 → 23, a19 fr 26 → 27, a22
/// fr 29 → 27; ordinary taken for legal 1st en 3 → 1, 2nd en 0 → 1, a7 fr 9 → 10, a10 fr 3 → 4, a11 en 2 → 3, a13 fr 2
/// → 1, a17 en 4 → 5, a18 fr 2 → 3, a18 en 3 → 4, a19 en 2 → 3. The floors moved with these figures (lowered: crisis
/// 2nd fr 214 → 213, 2nd en 199 → 198, a4 fr 59 → 58, a21 fr 41 → 40; small talk 2nd fr 54 → 53, a5 fr 20 → 19;
/// unrelated a4 fr 24 → 22, a16 en 18 → 17, a18 en 17 → 16, a22 en 16 → 15; legal a11 en 22 → 21, a12 en 22 → 21, a15
/// en 25 → 24, a16 en 25 → 24, a17 fr 33 → 32, a19 fr 28 → 26, a21 fr 31 → 29, a22 fr 22 → 21; ordinary taken for
/// crisis 1st en 21 → 25, a15 en 32 → 33, a17 fr 18 → 20, a19 fr 26 → 27; for legal 2nd en 0 → 1, a7 fr 9 → 10, a10
/// fr 3 → 4, a11 en 2 → 3, a17 en 4 → 5, a18 fr 2 → 3, a18 en 3 → 4, a19 en 2 → 3). Over all twenty-four, at 0.6:
/// crisis fr 1587/1598, en 1564/1572 (the twenty-two earlier authors fr 1501 → 1498, en 1476 → 1475 of 1509 and 1483),
/// ordinary taken for crisis 851 of 4,941 (the twenty-two earlier 789 → 784 of 4,462); legal questions 1059 of 1,403
/// (the twenty-two earlier 935 → 941 of 1,244, the new data alone); ordinary taken for legal 104 of 4,941 (the
/// twenty-two earlier 91 → 96); the spent routing sets' policy questions taken for crisis or unrelated dev 0, test 3,
/// holdout 2, dev2 0 (test 2 → 3).
/// </para>
/// <para>
/// Then (the coordinator, after the merge): "tracked me to", "tracked her to" and "tracked us to" moved out of the
/// concept for being pursued into their own (<c>tracked-to</c>), whose rule has the same vetoes but the words of policy:
/// "tracked" is one of those words, so the phrases could never fire where they were. 2nd en 198 → <b>199</b>/200 (the
/// worker tracked to her child's school above), its floor back up; nothing else moved: every other author's figures,
/// the ordinary messages taken for crisis, the spent routing sets and every blind set the same. Over all twenty-four:
/// crisis en 1565/1572.
/// </para>
/// <para>
/// Then the rules of the content README's scope step 7 (2026-12-06): the coordinator read the 18 danger messages still
/// missed here and wrote their kinds as rules (a lockdown, a colour code, breathing that fails, followed home, a phrase
/// typed again and again…), no example added. Every danger message is now recognised with its author left out (fr
/// 1587 → 1598/1598, en 1565 → 1572/1572: 1st, 2nd, a4, a5, a18, a20, a21), which is no measure, the rules having been
/// written after reading them; the floors went up to it. Everything else the same but one legal question (a13 fr 22 →
/// 23/30, its floor up): the ordinary messages taken for crisis or legal, the sweeps, the spent routing sets.
/// Then confusion words as chatter for the rule of a phrase typed again ("what", « quoi », « hein »…: more words the
/// scope vocabulary knows, which its known-word counts and its spelling help read): a17 en legal 25 → 26/40, a20 en unrelated 15 → 16/19, a23 en
/// ordinary taken for crisis 21 → 20, a16 fr ordinary taken for legal 2 → 1, all four one message fewer taken for crisis
/// or legal; over all twenty-four at 0.6, ordinary taken for crisis 851 → 850 of 4,941. The floors followed.
/// Then (the later session of 2026-12-06) a rule's concepts found in places of their own ("goodbye" alone no longer a
/// farewell with a sign of alarm): 2nd en small talk 51 → 52/55, a23 en legal 29 → 30/40; closings and hellos of a
/// shift in the greeting and thanks data: 1st en small talk 37 → 38/38; legal words for a worker's own job, a
/// publication ban, a contract clause and being made to take something down: a11 en 21 → 22/30, a12 fr 20 → 21/30,
/// a18 en 16 → 18/40, a22 en 26 → 27/40, with no ordinary message more taken for legal. Crisis and every other figure the
/// same; the floors followed.
/// </para>
/// <para>
/// Then the legal head's sweep over the fourteen authors (<see cref="LegalThresholdSweep_IsPrinted"/>): its bar for a
/// message with a word of social media from 3 to 2, nine legal questions more with each author left out (fr 236, en
/// 247 → 256 of 322: a9 en 18 → 20, a10 en 18 → 19, a11 en 16 → 17, a12 en 19 → 21, a13 en 22 → 24, a14 en 22 → 23,
/// floors raised with them), one ordinary message more (a8 fr 3 → 4: the head's share 8 → 9 of 2,547), no spent
/// routing question more (dev 2, test 4, holdout 4, dev2 3 taken for legal at both). The other bar from 2 to 1 so that
/// the social-media bar stays above it: no message without a word of social media scores between 1 and 2 in these
/// data, so it moved no figure.
/// </para>
/// <para>
/// Then (2026-12-06, the seventeenth round) the small talk of four later training authors, <c>a25</c> to <c>a28</c>
/// (greetings, thanks, goodbyes and small talk, 339 of their 460, less exact copies), teaches the heads and not the crisis
/// classifier (<see cref="ScopeKindClassifier.HeadsOnlyMarker"/>): with it in the crisis classifier two blind danger
/// messages were lost. They are authors here with small talk only (their small talk, fr and en: a25 32/45, 33/45; a26
/// 34/46, 32/40; a27 33/41, 25/39; a28 34/43, 29/40). Crisis: the same for every author. Small talk 1st fr and en 37 → 38, 2nd fr 53 → 54, 2nd en 51 → 53, a4 fr
/// and en 29 → 30, a5 en 19 → 20, a6 en 22 → 23; legal eleven more and three fewer (a11 en 21 → 22, a12 fr 20 → 21, a12 en
/// 21 → 22, a17 fr 32 → 33, a18 en 16 → 18, a20 en 27 → 28, a22 en 26 → 27, a23 fr 33 → 34, a23 en 29 → 30; a15 en 24 →
/// 23, a20 fr 30 → 29); unrelated twelve fewer and three more (1st en 40 → 39, 2nd fr 43 → 42, a3 fr 51 → 49, a3 en 51
/// → 48, a11 en 18 → 17, a12 en 16 → 14, a15 fr 16 → 15, a19 en 17 → 16; a15 en, a18 fr, a23 en one more); ordinary
/// messages taken for crisis a21 fr 12 → 11, for legal 1st en and a13 en one more, a11 en, a17 en and a18 en one fewer:
/// the small-talk head now takes a few short office requests for small talk, which then get a friendly reply instead of the
/// menu. Every floor is now the figure measured. A veto of the crisis model by the small-talk head was tried and not
/// kept: with each author left out, a disguised farewell written as thanks (a14, « je voulais juste dire merci pour
/// toute… j'serai pas là demain matin ») read as small talk at 7.7.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeAuthorCrossValidationTests(ITestOutputHelper output)
{
    /// <summary>
    /// One message of the author left out: what the rules and the crisis layer made of it, and the heads' logits, so
    /// that the heads' thresholds can be swept; <see cref="Kind"/> is what the bot makes of it as shipped.
    /// </summary>
    private sealed record Scored(LabelledMessage Message, ScopeResult Raised, double Crisis, Scores Heads, ScopeResult? Rules = null)
    {
        public ScopeKind Kind => At(LegalThreshold, LegalSocialMediaThreshold);

        /// <summary>What the bot makes of the message with the legal head at these thresholds.</summary>
        public ScopeKind At(double legal, double legalSocialMedia) =>
            Refined(Raised, Heads, legalThreshold: legal, legalSocialMediaThreshold: legalSocialMedia).Kind;
    }

    private static readonly Lazy<Dictionary<string, List<Scored>>> LeftOut = new(LeaveEachAuthorOut);

    /// <summary>Every author of the corpus, as <see cref="AuthorOf"/> names them.</summary>
    public static TheoryData<string> Authors => [FirstAuthor, "2nd", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "a18", "a19", "a20", "a21", "a22", "a23", "a24", "a25", "a26", "a27", "a28"];

    [Fact]
    public void Corpus_Authors_AreTheTwentyEightNamedInTheReadme()
    {
        var found = LabelledSet(ContentLibrary.Default).Select(m => m.Author).OfType<string>().Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["1st", "2nd", "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "a18", "a19", "a20", "a21", "a22", "a23", "a24", "a25", "a26", "a27", "a28", "a3", "a4", "a5", "a6", "a7", "a8", "a9"], found);
    }

    /// <summary>
    /// The authors who wrote training data blind (<c>a7</c>, <c>a8</c>: policy questions, some of them alarming but calm,
    /// and crisis messages; <c>a9</c> to <c>a24</c>: the same with legal and unrelated messages) keep their hard negatives
    /// apart: a kind of their own, <c>…/policy-hard</c>, ordinary messages like <c>…/policy</c>, so the cross-validation
    /// can say how many of them are taken for a crisis. The counts are what each wrote, less exact copies of messages
    /// already in the corpus, in a routing set or in a blind set (the content README says which).
    /// </summary>
    [Theory]
    [InlineData("a7", "fr", 40, 130, 0, 0)]
    [InlineData("a7", "en", 40, 130, 0, 0)]
    [InlineData("a8", "fr", 40, 130, 0, 0)]
    [InlineData("a8", "en", 40, 130, 0, 0)]
    [InlineData("a9", "fr", 44, 120, 30, 20)]
    [InlineData("a9", "en", 45, 120, 30, 20)]
    [InlineData("a10", "fr", 43, 119, 30, 20)]
    [InlineData("a10", "en", 43, 120, 30, 20)]
    [InlineData("a11", "fr", 44, 120, 30, 20)]
    [InlineData("a11", "en", 42, 120, 30, 20)]
    [InlineData("a12", "fr", 45, 120, 30, 20)]
    [InlineData("a12", "en", 44, 120, 30, 20)]
    [InlineData("a13", "fr", 44, 120, 30, 20)]
    [InlineData("a13", "en", 42, 120, 30, 19)]
    [InlineData("a14", "fr", 45, 119, 30, 19)]
    [InlineData("a14", "en", 42, 120, 30, 20)]
    [InlineData("a15", "fr", 45, 120, 30, 20)]
    [InlineData("a15", "en", 44, 120, 30, 19)]
    [InlineData("a16", "fr", 43, 120, 30, 19)]
    [InlineData("a16", "en", 42, 120, 30, 19)]
    [InlineData("a17", "fr", 44, 120, 40, 20)]
    [InlineData("a17", "en", 42, 120, 40, 19)]
    [InlineData("a18", "fr", 44, 120, 40, 19)]
    [InlineData("a18", "en", 45, 120, 40, 20)]
    [InlineData("a19", "fr", 44, 119, 40, 20)]
    [InlineData("a19", "en", 44, 118, 40, 19)]
    [InlineData("a20", "fr", 43, 120, 40, 20)]
    [InlineData("a20", "en", 43, 120, 40, 19)]
    [InlineData("a21", "fr", 43, 119, 40, 20)]
    [InlineData("a21", "en", 43, 119, 40, 19)]
    [InlineData("a22", "fr", 45, 120, 40, 20)]
    [InlineData("a22", "en", 44, 120, 40, 20)]
    [InlineData("a23", "fr", 45, 119, 40, 20)]
    [InlineData("a23", "en", 45, 120, 40, 20)]
    [InlineData("a24", "fr", 44, 120, 39, 20)]
    [InlineData("a24", "en", 44, 120, 40, 19)]
    public void BlindTrainingAuthors_HardNegatives_AreOrdinaryMessagesOfTheirOwnKind(string author, string lang, int crisis, int ordinary, int legal, int unrelated)
    {
        var language = Languages.Parse(lang);
        var mine = LabelledSet(ContentLibrary.Default).Where(m => m.Author == author && m.Language == language).ToList();

        var hard = mine.Where(IsHard).ToList();
        Assert.InRange(hard.Count, 30, 40);
        Assert.All(hard, m => Assert.Equal(MessageClass.Other, m.Class));
        Assert.Equal(crisis, mine.Count(m => m.Class == MessageClass.Crisis));
        Assert.Equal(ordinary, mine.Count(m => m.Class == MessageClass.Other));
        Assert.Equal(legal, mine.Count(m => m.Class == MessageClass.Legal));
        Assert.Equal(unrelated, mine.Count(m => m.Class == MessageClass.Unrelated));
    }

    /// <summary>
    /// The figures of one author left out, per language: crisis recall, small talk and unrelated recognised, the
    /// author's ordinary messages (policy questions, commands) taken for a crisis, legal questions recognised and
    /// ordinary messages taken for legal (by the rules or the legal head), each held to what was measured.
    /// </summary>
    [Theory]
    [InlineData("1st", "fr", 334, 38, 40, 27, 15, 3)]
    [InlineData("1st", "en", 333, 38, 39, 23, 16, 3)]
    [InlineData("2nd", "fr", 214, 54, 42, 22, 0, 2)]
    [InlineData("2nd", "en", 200, 53, 39, 21, 0, 1)]
    [InlineData("a3", "fr", 55, 55, 49, 0, 52, 0)]
    [InlineData("a3", "en", 55, 55, 48, 0, 50, 0)]
    [InlineData("a4", "fr", 60, 30, 22, 0, 25, 0)]
    [InlineData("a4", "en", 60, 30, 27, 0, 28, 0)]
    [InlineData("a5", "fr", 80, 19, 15, 4, 18, 2)]
    [InlineData("a5", "en", 80, 20, 20, 3, 20, 1)]
    [InlineData("a6", "fr", 70, 24, 23, 5, 16, 0)]
    [InlineData("a6", "en", 70, 23, 23, 8, 19, 0)]
    [InlineData("a7", "fr", 40, 0, 0, 14, 0, 10)]
    [InlineData("a7", "en", 40, 0, 0, 12, 0, 4)]
    [InlineData("a8", "fr", 40, 0, 0, 19, 0, 4)]
    [InlineData("a8", "en", 40, 0, 0, 11, 0, 3)]
    [InlineData("a9", "fr", 44, 0, 16, 17, 23, 2)]
    [InlineData("a9", "en", 45, 0, 16, 25, 25, 4)]
    [InlineData("a10", "fr", 43, 0, 17, 17, 22, 4)]
    [InlineData("a10", "en", 43, 0, 18, 16, 19, 1)]
    [InlineData("a11", "fr", 44, 0, 17, 19, 23, 1)]
    [InlineData("a11", "en", 42, 0, 17, 20, 22, 2)]
    [InlineData("a12", "fr", 45, 0, 14, 14, 21, 4)]
    [InlineData("a12", "en", 44, 0, 14, 24, 22, 3)]
    [InlineData("a13", "fr", 44, 0, 17, 24, 23, 1)]
    [InlineData("a13", "en", 42, 0, 14, 17, 26, 2)]
    [InlineData("a14", "fr", 45, 0, 18, 16, 23, 1)]
    [InlineData("a14", "en", 42, 0, 17, 13, 24, 2)]
    [InlineData("a15", "fr", 45, 0, 15, 15, 25, 3)]
    [InlineData("a15", "en", 44, 0, 15, 33, 23, 5)]
    [InlineData("a16", "fr", 43, 0, 15, 16, 25, 1)]
    [InlineData("a16", "en", 42, 0, 17, 16, 24, 1)]
    [InlineData("a17", "fr", 44, 0, 17, 16, 33, 2)]
    [InlineData("a17", "en", 42, 0, 16, 23, 26, 4)]
    [InlineData("a18", "fr", 44, 0, 17, 16, 30, 3)]
    [InlineData("a18", "en", 45, 0, 16, 16, 18, 3)]
    [InlineData("a19", "fr", 44, 0, 17, 23, 27, 2)]
    [InlineData("a19", "en", 44, 0, 16, 24, 29, 3)]
    [InlineData("a20", "fr", 43, 0, 16, 15, 30, 2)]
    [InlineData("a20", "en", 43, 0, 16, 16, 28, 3)]
    [InlineData("a21", "fr", 43, 0, 13, 11, 29, 1)]
    [InlineData("a21", "en", 43, 0, 17, 9, 26, 3)]
    [InlineData("a22", "fr", 45, 0, 14, 27, 21, 2)]
    [InlineData("a22", "en", 44, 0, 15, 34, 27, 1)]
    [InlineData("a23", "fr", 45, 0, 15, 17, 34, 3)]
    [InlineData("a23", "en", 45, 0, 19, 20, 30, 1)]
    [InlineData("a24", "fr", 44, 0, 18, 12, 30, 2)]
    [InlineData("a24", "en", 44, 0, 17, 10, 26, 2)]
    [InlineData("a25", "fr", 0, 32, 0, 0, 0, 0)]
    [InlineData("a25", "en", 0, 33, 0, 0, 0, 0)]
    [InlineData("a26", "fr", 0, 34, 0, 0, 0, 0)]
    [InlineData("a26", "en", 0, 32, 0, 0, 0, 0)]
    [InlineData("a27", "fr", 0, 33, 0, 0, 0, 0)]
    [InlineData("a27", "en", 0, 25, 0, 0, 0, 0)]
    [InlineData("a28", "fr", 0, 34, 0, 0, 0, 0)]
    [InlineData("a28", "en", 0, 29, 0, 0, 0, 0)]
    public void LeaveOneAuthorOut_EachAuthor_KeepsTheFiguresMeasured(string author, string lang, int crisisAtLeast, int smallTalkAtLeast, int unrelatedAtLeast, int ordinaryAsCrisisAtMost, int legalAtLeast, int ordinaryAsLegalAtMost)
    {
        var language = Languages.Parse(lang);
        var rows = LeftOut.Value[author].Where(r => r.Message.Language == language).ToList();
        var report = Describe(author, rows);
        output.WriteLine(report);
        Console.WriteLine(report);

        var crisis = Count(rows, IsCrisis);
        var smallTalk = Count(rows, IsSmallTalk);
        var unrelated = Count(rows, c => c == MessageClass.Unrelated);
        var ordinaryAsCrisis = rows.Count(r => r.Message.Class == MessageClass.Other && r.Kind == ScopeKind.Crisis);
        var legal = Count(rows, c => c == MessageClass.Legal);
        var ordinaryAsLegal = rows.Count(r => r.Message.Class == MessageClass.Other && r.Kind == ScopeKind.Legal);
        Assert.True(crisis.Right >= crisisAtLeast, $"{author} {lang}: crisis {crisis.Right}/{crisis.Total}, at least {crisisAtLeast} expected.");
        Assert.True(smallTalk.Right >= smallTalkAtLeast, $"{author} {lang}: small talk {smallTalk.Right}/{smallTalk.Total}, at least {smallTalkAtLeast} expected.");
        Assert.True(unrelated.Right >= unrelatedAtLeast, $"{author} {lang}: unrelated {unrelated.Right}/{unrelated.Total}, at least {unrelatedAtLeast} expected.");
        Assert.True(ordinaryAsCrisis <= ordinaryAsCrisisAtMost, $"{author} {lang}: {ordinaryAsCrisis} ordinary messages taken for crisis, at most {ordinaryAsCrisisAtMost} expected.");
        Assert.True(legal.Right >= legalAtLeast, $"{author} {lang}: legal {legal.Right}/{legal.Total}, at least {legalAtLeast} expected.");
        Assert.True(ordinaryAsLegal <= ordinaryAsLegalAtMost, $"{author} {lang}: {ordinaryAsLegal} ordinary messages taken for legal, at most {ordinaryAsLegalAtMost} expected.");
    }

    /// <summary>All authors at once, per language and kind: the table the README quotes.</summary>
    [Fact]
    public void LeaveOneAuthorOut_Summary_IsPrinted()
    {
        var table = new StringBuilder($"Leave-one-author-out, crisis threshold {CrisisClassifier.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}, {CrisisClassifier.Members} members: right / messages of the author left out\n");
        table.AppendLine("author lang   crisis      small talk  unrelated   legal (rules alone)  ordinary→crisis  of them hard  ordinary→unrelated/small talk  ordinary→legal");
        foreach (var (author, rows) in LeftOut.Value.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                var mine = rows.Where(r => r.Message.Language == language).ToList();
                var ordinary = mine.Where(r => r.Message.Class == MessageClass.Other).ToList();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"{author,-6} {language.Code(),-4}  {Cell(Count(mine, IsCrisis)),-10}  {Cell(Count(mine, IsSmallTalk)),-10}  {Cell(Count(mine, c => c == MessageClass.Unrelated)),-10}  {LegalCell(mine),-19}  {ordinary.Count(r => r.Kind == ScopeKind.Crisis),4}/{ordinary.Count,-10}  {HardCell(ordinary),-12}  {ordinary.Count(r => r.Kind is ScopeKind.Unrelated or ScopeKind.Greeting or ScopeKind.Thanks),4}/{ordinary.Count,-24}  {ordinary.Count(r => r.Kind == ScopeKind.Legal),4}/{ordinary.Count}");
            }
        }
        output.WriteLine(table.ToString());
        Console.WriteLine(table.ToString());
        Assert.Equal(28, LeftOut.Value.Count);
    }

    /// <summary>
    /// How the legal head's two thresholds were chosen: with each author left out, legal questions recognised (and how
    /// many of them the rules and the crisis layer alone leave unrecognised), the authors' ordinary messages and
    /// unrelated ones taken for legal; and the four spent routing sets' policy questions (never scope training) taken
    /// for legal by the shipped models. A crisis is never lowered at any threshold (the head only reads a message the
    /// rules and the crisis layer leave unrecognised), so crisis recall is the same on every line.
    /// </summary>
    [Fact]
    public void LegalThresholdSweep_IsPrinted()
    {
        var rows = LeftOut.Value.Values.SelectMany(r => r).ToList();
        var recognizer = SharedMatching.Recognizer(ContentLibrary.Default);
        var routing = new (string Name, IReadOnlyList<RoutingQuestion> Questions)[] { ("dev", RoutingSets.DevSet), ("test", RoutingSets.TestSet), ("holdout", RoutingSets.HoldoutSet), ("dev2", RoutingSets.Dev2Set) }
            .Select(set => (set.Name, Rows: set.Questions.Select(q =>
            {
                var score = recognizer.Classifier.Score(q.Text);
                var raised = ScopeRecognizer.Raised(recognizer.RuleKind(q.Text, q.Language), score, recognizer.Classifier.Threshold);
                return new Scored(new LabelledMessage(q.Text, MessageClass.Other, q.Language, "routing " + set.Name), raised, score, recognizer.KindClassifier.Score(q.Text), recognizer.RuleKind(q.Text, q.Language));
            }).ToList()))
            .ToList();
        var legal = rows.Where(r => r.Message.Class == MessageClass.Legal).ToList();
        var ordinary = rows.Where(r => r.Message.Class == MessageClass.Other).ToList();
        var unrelated = rows.Where(r => r.Message.Class == MessageClass.Unrelated).ToList();
        var table = new StringBuilder("Legal head, each author left out: legal fr / en (of them unrecognised without the head), ordinary → legal, unrelated → legal; routing sets' policy questions → legal (dev, test, holdout, dev2)\n");
        table.AppendLine("  legal  with social media   legal fr    legal en    (head's)  ordinary→legal  unrelated→legal  routing→legal          head alone: legal, ordinary, routing at or over the legal bar");
        foreach (var t in new[] { -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, double.PositiveInfinity })
        {
            foreach (var m in new[] { t, t + 1, t + 2, t + 3, t + 5, double.PositiveInfinity }.Distinct())
            {
                string Recall(Language language)
                {
                    var these = legal.Where(r => r.Message.Language == language).ToList();
                    return $"{these.Count(r => r.At(t, m) == ScopeKind.Legal)}/{these.Count}";
                }
                var gained = legal.Count(r => r.At(t, m) == ScopeKind.Legal && r.At(double.PositiveInfinity, double.PositiveInfinity) != ScopeKind.Legal);
                var ordinaryLegal = ordinary.Count(r => r.At(t, m) == ScopeKind.Legal) - ordinary.Count(r => r.At(double.PositiveInfinity, double.PositiveInfinity) == ScopeKind.Legal);
                var routingLegal = string.Join(" ", routing.Select(set => $"{set.Rows.Count(r => r.At(t, m) == ScopeKind.Legal)}/{set.Rows.Count}"));
                var alone = m == t ? $"{legal.Count(r => r.Heads.Legal >= t)}/{legal.Count}, {ordinary.Count(r => r.Heads.Legal >= t)}/{ordinary.Count}, {routing.Sum(set => set.Rows.Count(r => r.Heads.Legal >= t))}/{routing.Sum(set => set.Rows.Count)}" : "";
                table.AppendLine(CultureInfo.InvariantCulture, $"{t,7:0.0} {m,16:0.0}   {Recall(Language.Fr),-10}  {Recall(Language.En),-10}  {gained,4}     {ordinaryLegal,6}/{ordinary.Count,-8}  {unrelated.Count(r => r.At(t, m) == ScopeKind.Legal),4}/{unrelated.Count,-10}  {routingLegal,-22} {alone}");
            }
        }
        table.AppendLine("(ordinary→legal counts only what the head adds: the rules' own, at every line, are " + ordinary.Count(r => r.At(double.PositiveInfinity, double.PositiveInfinity) == ScopeKind.Legal) + ")");
        table.AppendLine("Routing sets' policy questions taken for crisis or unrelated as shipped (the issue's bar is 2% of each): " + string.Join(", ", routing.Select(set => $"{set.Name} {set.Rows.Count(r => r.Kind is ScopeKind.Crisis or ScopeKind.Unrelated)}/{set.Rows.Count}")));
        table.AppendLine("Messages the rules and the crisis layer leave unrecognised that the head could turn (legal questions, and others at −1 or more; invented or spent data): legal logit, social media, class");
        foreach (var r in rows.Concat(routing.SelectMany(set => set.Rows)).Where(r => r.Raised.Kind == ScopeKind.None && (r.Message.Class == MessageClass.Legal || r.Heads.Legal >= -1)).OrderByDescending(r => r.Heads.Legal))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"  {r.Heads.Legal,6:0.00} {(r.Raised.AboutSocialMedia ? "sm" : "  ")} {r.Message.Class,-9} [{r.Message.Language.Code()}] {r.Message.Group}: {r.Message.Text}");
        }
        output.WriteLine(table.ToString());
        Console.WriteLine(table.ToString());
        Assert.All(rows.Where(r => r.Message.Class == MessageClass.Crisis), r => Assert.Equal(r.At(double.PositiveInfinity, double.PositiveInfinity) == ScopeKind.Crisis, r.At(0, 0) == ScopeKind.Crisis));
    }

    /// <summary>
    /// The crisis threshold with every author left out (crisis recall per language, the authors' ordinary messages taken
    /// for crisis and how many of them are hard negatives, and the four spent routing sets' policy questions taken for
    /// crisis, then for crisis or unrelated, by the shipped models at that threshold): how
    /// <see cref="CrisisClassifier.DefaultThreshold"/> is checked when authors join. Swept from −1.5 since a15 and a16
    /// joined (the issue's bar, 2% of each routing set, first breaks at −1.5: test 4/190).
    /// </summary>
    [Fact]
    public void CrisisThresholdSweep_IsPrinted()
    {
        var rows = LeftOut.Value.Values.SelectMany(r => r).Where(r => r.Rules is not null).ToList();
        var routing = SpentRoutingSetsScored();
        var table = new StringBuilder("Crisis threshold, each author left out: crisis fr, en; ordinary → crisis (of them by the model); of them hard; routing sets' policy questions → crisis, then → crisis or unrelated (dev, test, holdout, dev2; shipped models)\n");
        foreach (var t in new[] { -1.5, -1.2, -1.0, -0.9, -0.8, -0.7, -0.6, -0.4, -0.2, 0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0 })
        {
            bool IsCrisisAt(Scored r) => ScopeRecognizer.Raised(r.Rules!, r.Crisis, t).Kind == ScopeKind.Crisis;
            var ordinary = rows.Where(r => r.Message.Class == MessageClass.Other).ToList();
            var hard = ordinary.Where(r => IsHard(r.Message)).ToList();
            var routed = PerSet(routing, q => ScopeRecognizer.Raised(q.Rules, q.Score, t).Kind == ScopeKind.Crisis);
            var lost = PerSet(routing, q => Refined(ScopeRecognizer.Raised(q.Rules, q.Score, t), q.Heads).Kind is ScopeKind.Crisis or ScopeKind.Unrelated);
            table.AppendLine(CultureInfo.InvariantCulture, $"  {t,4:0.0}  {CrisisRecall(rows, Language.Fr, IsCrisisAt),-10} {CrisisRecall(rows, Language.En, IsCrisisAt),-10} {ordinary.Count(IsCrisisAt),4} ({ordinary.Count(r => IsCrisisAt(r) && r.Rules!.Kind != ScopeKind.Crisis),3}) /{ordinary.Count}   {hard.Count(IsCrisisAt),3}/{hard.Count}   {routed}   {lost}");
        }
        output.WriteLine(table.ToString());
        Console.WriteLine(table.ToString());
        Assert.NotEmpty(rows);
    }

    /// <summary>
    /// How <see cref="ScopeRecognizer.LegalMargin"/> is checked: with each author left out, the danger messages the rules
    /// read as legal (and how many the crisis layer raises), crisis recall per language, the legal questions and the
    /// ordinary messages taken for crisis, and the four spent routing sets' policy questions taken for crisis by the
    /// shipped models, at each margin.
    /// </summary>
    [Fact]
    public void LegalMarginSweep_IsPrinted()
    {
        var rows = LeftOut.Value.Values.SelectMany(r => r).Where(r => r.Rules is not null).ToList();
        var threshold = CrisisClassifier.DefaultThreshold;
        var routing = SpentRoutingSetsScored();
        var readAsLegal = rows.Where(r => r.Message.Class == MessageClass.Crisis && r.Rules!.Kind == ScopeKind.Legal).ToList();
        var legal = rows.Where(r => r.Message.Class == MessageClass.Legal).ToList();
        var ordinary = rows.Where(r => r.Message.Class == MessageClass.Other).ToList();
        var table = new StringBuilder($"Legal margin, each author left out, crisis threshold {threshold.ToString(CultureInfo.InvariantCulture)}: danger read as legal by the rules and raised; crisis fr, en; legal questions → crisis; ordinary → crisis; routing sets' policy questions → crisis (dev, test, holdout, dev2; shipped models)\n");
        foreach (var m in new[] { 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, double.PositiveInfinity })
        {
            bool IsCrisisAt(Scored r) => ScopeRecognizer.Raised(r.Rules!, r.Crisis, threshold, m).Kind == ScopeKind.Crisis;
            var routed = PerSet(routing, q => ScopeRecognizer.Raised(q.Rules, q.Score, threshold, m).Kind == ScopeKind.Crisis);
            table.AppendLine(CultureInfo.InvariantCulture, $"  {m,4:0.0}  {readAsLegal.Count(IsCrisisAt),3}/{readAsLegal.Count,-4}  {CrisisRecall(rows, Language.Fr, IsCrisisAt),-10} {CrisisRecall(rows, Language.En, IsCrisisAt),-10} {legal.Count(IsCrisisAt),4}/{legal.Count,-5} {ordinary.Count(IsCrisisAt),4}/{ordinary.Count,-6} {routed}");
        }
        output.WriteLine(table.ToString());
        Console.WriteLine(table.ToString());
        Assert.NotEmpty(readAsLegal);
    }

    /// <summary>The four spent routing sets' policy questions (dev, test, holdout, dev2) as the shipped models read them: the rules' kind, the crisis score and the kind heads' scores.</summary>
    private static List<List<(ScopeResult Rules, double Score, Scores Heads)>> SpentRoutingSetsScored()
    {
        var recognizer = SharedMatching.Recognizer(ContentLibrary.Default);
        return new[] { RoutingSets.DevSet, RoutingSets.TestSet, RoutingSets.HoldoutSet, RoutingSets.Dev2Set }
            .Select(set => set.Select(q => (Rules: recognizer.RuleKind(q.Text, q.Language), Score: recognizer.Classifier.Score(q.Text), Heads: recognizer.KindClassifier.Score(q.Text))).ToList()).ToList();
    }

    /// <summary>"n/N" per routing set, in set order: the questions for which <paramref name="counts"/> holds.</summary>
    private static string PerSet(List<List<(ScopeResult Rules, double Score, Scores Heads)>> routing, Func<(ScopeResult Rules, double Score, Scores Heads), bool> counts) =>
        string.Join(" ", routing.Select(set => $"{set.Count(counts)}/{set.Count}"));

    /// <summary>"n/N": the crisis messages of <paramref name="language"/> among <paramref name="rows"/> taken for crisis.</summary>
    private static string CrisisRecall(List<Scored> rows, Language language, Func<Scored, bool> isCrisis)
    {
        var these = rows.Where(r => r.Message.Class == MessageClass.Crisis && r.Message.Language == language).ToList();
        return $"{these.Count(isCrisis)}/{these.Count}";
    }

    /// <summary>Whether a message is one of the hard negatives of the blind training authors (alarming words, nobody in danger now).</summary>
    private static bool IsHard(LabelledMessage m) => m.Group.EndsWith("/policy-hard", StringComparison.Ordinal);

    private static string HardCell(List<Scored> ordinary)
    {
        var hard = ordinary.Where(r => IsHard(r.Message)).ToList();
        return hard.Count == 0 ? "-" : $"{hard.Count(r => r.Kind == ScopeKind.Crisis)}/{hard.Count}";
    }

    /// <summary>Legal questions recognised, and in brackets how many without the legal head (the rules and the crisis layer alone).</summary>
    private static string LegalCell(List<Scored> rows)
    {
        var legal = rows.Where(r => r.Message.Class == MessageClass.Legal).ToList();
        return legal.Count == 0 ? "-" : $"{legal.Count(r => r.Kind == ScopeKind.Legal)}/{legal.Count} ({legal.Count(r => r.At(double.PositiveInfinity, double.PositiveInfinity) == ScopeKind.Legal)})";
    }

    private static string Cell((int Right, int Total) count) => count.Total == 0 ? "-" : $"{count.Right}/{count.Total}";

    private static bool IsCrisis(MessageClass c) => c == MessageClass.Crisis;

    private static bool IsSmallTalk(MessageClass c) => c is MessageClass.Greeting or MessageClass.Thanks or MessageClass.SmallTalk;

    private static (int Right, int Total) Count(List<Scored> rows, Func<MessageClass, bool> which)
    {
        var these = rows.Where(r => which(r.Message.Class)).ToList();
        return (these.Count(r => Right(r.Message.Class, r.Kind)), these.Count);
    }

    /// <summary>Whether the bot's reading of a message is right for its class (a policy question: neither crisis, unrelated nor small talk).</summary>
    private static bool Right(MessageClass expected, ScopeKind kind) => expected switch
    {
        MessageClass.Crisis => kind == ScopeKind.Crisis,
        MessageClass.Legal => kind == ScopeKind.Legal,
        MessageClass.Unrelated => kind == ScopeKind.Unrelated,
        MessageClass.Greeting or MessageClass.Thanks or MessageClass.SmallTalk => kind is ScopeKind.Greeting or ScopeKind.Thanks,
        _ => kind is not (ScopeKind.Crisis or ScopeKind.Unrelated or ScopeKind.Greeting or ScopeKind.Thanks),
    };

    /// <summary>One author's figures per corpus kind, then the messages read wrong (invented data, part of the training corpus).</summary>
    private static string Describe(string author, List<Scored> rows)
    {
        var report = new StringBuilder($"Author {author} left out ({rows.Count} messages): right per corpus kind\n");
        foreach (var group in rows.GroupBy(r => r.Message.Group))
        {
            var misses = group.Where(r => !Right(r.Message.Class, r.Kind)).GroupBy(r => r.Kind).Select(g => $"{g.Count()} as {g.Key}");
            report.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key,-42} {group.Count(r => Right(r.Message.Class, r.Kind)),4}/{group.Count(),-4} {string.Join(", ", misses)}");
        }
        foreach (var miss in rows.Where(r => !Right(r.Message.Class, r.Kind)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"    [{miss.Message.Language.Code()}] {miss.Message.Class} → {miss.Kind} ({miss.Crisis:0.00}): {miss.Message.Text}");
        }
        return report.ToString();
    }

    /// <summary>
    /// For each author, models trained without that author's messages (as the bot trains them: the crisis model on
    /// <see cref="ScopeRecognizer.TrainingSet"/>'s selection, the heads on every class) read that author's messages.
    /// </summary>
    private static Dictionary<string, List<Scored>> LeaveEachAuthorOut()
    {
        var samples = LabelledSet(ContentLibrary.Default);
        var recognizer = SharedMatching.Recognizer(ContentLibrary.Default);
        var result = new Dictionary<string, List<Scored>>(StringComparer.Ordinal);
        foreach (var author in samples.Select(s => s.Author).OfType<string>().Distinct())
        {
            var training = samples.Where(s => s.Author != author).ToList();
            var crisis = CrisisClassifier.Train([.. training.Where(s => s.TeachesCrisis).Select(s => (s.Text, s.Class == MessageClass.Crisis))]);
            var heads = Train([.. training.Select(s => (s.Text, s.Class))]);
            result[author] =
            [
                .. samples.Where(s => s.Author == author).Select(s =>
                {
                    var score = crisis.Score(s.Text);
                    var rules = recognizer.RuleKind(s.Text, s.Language);
                    var raised = ScopeRecognizer.Raised(rules, score, crisis.Threshold);
                    return new Scored(s, raised, score, heads.Score(s.Text), rules);
                }),
            ];
        }
        return result;
    }
}
