namespace CdsHooks.Fhir.Rest;

/// <summary>Why <see cref="FhirRestClient"/> stopped following a search's <c>next</c> links.</summary>
public enum FhirPagingStop
{
    /// <summary>The last page had no <c>next</c> link: every match was read.</summary>
    Complete,

    /// <summary><see cref="FhirClientOptions.MaxPages"/> pages were read and the server offered more.</summary>
    PageLimitReached,

    /// <summary>A <c>next</c> link pointed to a page already read.</summary>
    CycleDetected,

    /// <summary>A <c>next</c> link pointed outside the server's base URL (or could not be parsed), so it was not followed and the token was not sent there.</summary>
    ForeignNextLink,

    /// <summary>A page after the first failed; <see cref="FhirSearchResult.PageFailure"/> says how.</summary>
    PageFailed,
}
