namespace CdsHooks.Protocol.Prefetch;

/// <summary>The prefetch token names defined by CDS Hooks (without the <c>{{ }}</c> delimiters).</summary>
public static class PrefetchTokens
{
    /// <summary>The prefix of a context token, e.g. <c>context.patientId</c>.</summary>
    public const string ContextPrefix = "context.";

    /// <summary>The id of the user when <c>userId</c> is a Practitioner.</summary>
    public const string UserPractitionerId = "userPractitionerId";

    /// <summary>The id of the user when <c>userId</c> is a PractitionerRole.</summary>
    public const string UserPractitionerRoleId = "userPractitionerRoleId";

    /// <summary>The id of the user when <c>userId</c> is a Patient.</summary>
    public const string UserPatientId = "userPatientId";

    /// <summary>The id of the user when <c>userId</c> is a RelatedPerson.</summary>
    public const string UserRelatedPersonId = "userRelatedPersonId";
}
