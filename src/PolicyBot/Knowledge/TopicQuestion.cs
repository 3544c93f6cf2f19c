namespace PolicyBot.Knowledge;

/// <summary>A question a staff member might type, written by someone other than the content's author, and the topic it belongs to.</summary>
public sealed record TopicQuestion(string Topic, Language Language, string Text);
