using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Service.Feedback;

/// <summary>Where feedback is stored (configuration section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Feedback";

    /// <summary>The default SQLite database, relative to the content root.</summary>
    public const string DefaultSqlitePath = "data/cdshooks.db";

    /// <summary>The SQLite database file, absolute or relative to the content root; its folder is created if missing.</summary>
    [Required]
    public string SqlitePath { get; set; } = DefaultSqlitePath;
}
