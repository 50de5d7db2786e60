using CdsHooks.Protocol.Hooks;
using CdsHooks.Protocol.Prefetch;

namespace CdsHooks.Protocol.Tests.Prefetch;

public sealed class PrefetchTemplateTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static PrefetchTokenContext Tokens(string userId = "Practitioner/123", string patientId = "p1", string? encounterId = null)
    {
        var fields = new Dictionary<string, string> { ["userId"] = userId, ["patientId"] = patientId };
        if (encounterId is not null)
        {
            fields["encounterId"] = encounterId;
        }

        return new PrefetchTokenContext { ContextFields = fields, Today = Today };
    }

    private static string Resolve(string template, PrefetchTokenContext tokens)
    {
        Assert.True(PrefetchTemplate.TryResolve(template, tokens, out string resolved, out string? unresolved), $"unresolved: {unresolved}");
        Assert.Null(unresolved);
        return resolved;
    }

    [Theory]
    [InlineData("Patient/{{context.patientId}}", "Patient/p1")]
    [InlineData("Condition?patient={{context.patientId}}&clinical-status=active", "Condition?patient=p1&clinical-status=active")]
    [InlineData("Patient/{{ context.patientId }}", "Patient/p1")]
    [InlineData("Encounter/{{context.encounterId}}", "Encounter/e9")]
    [InlineData("Practitioner/{{userPractitionerId}}", "Practitioner/123")]
    [InlineData("MedicationRequest?requester={{context.userId}}", "MedicationRequest?requester=Practitioner%2F123")]
    [InlineData("Observation?patient={{context.patientId}}&code=4548-4&_count=1&_sort=-date", "Observation?patient=p1&code=4548-4&_count=1&_sort=-date")]
    [InlineData("Patient", "Patient")]
    public void TryResolve_ContextAndUserTokens_Substitutes(string template, string expected)
    {
        Assert.Equal(expected, Resolve(template, Tokens(encounterId: "e9")));
    }

    [Theory]
    [InlineData("PractitionerRole/A2340113", "userPractitionerRoleId", "A2340113")]
    [InlineData("Patient/pat-7", "userPatientId", "pat-7")]
    [InlineData("RelatedPerson/rp.1", "userRelatedPersonId", "rp.1")]
    [InlineData("Practitioner/eM5CWtq15N0WJeuCet5bJlQ3", "userPractitionerId", "eM5CWtq15N0WJeuCet5bJlQ3")]
    public void TryResolve_UserTokenMatchingUserType_ResolvesToBareId(string userId, string token, string expected)
    {
        Assert.Equal($"X/{expected}", Resolve($"X/{{{{{token}}}}}", Tokens(userId: userId)));
    }

    [Theory]
    [InlineData("Practitioner/123", "userPatientId")]
    [InlineData("Patient/5", "userPractitionerId")]
    [InlineData("Practitioner/123", "userRelatedPersonId")]
    [InlineData("PractitionerRole/9", "userPractitionerId")]
    public void TryResolve_UserTokenOfOtherType_IsUnresolved(string userId, string token)
    {
        bool ok = PrefetchTemplate.TryResolve($"Person?x={{{{{token}}}}}", Tokens(userId: userId), out string resolved, out string? unresolved);

        Assert.False(ok);
        Assert.Equal(token, unresolved);
        Assert.Equal(string.Empty, resolved);
    }

    [Theory]
    [InlineData("{{today()}}", "2026-03-01")]
    [InlineData("{{today() - 90 days}}", "2025-12-01")]
    [InlineData("{{today()-90days}}", "2025-12-01")]
    [InlineData("{{ today()  +  7  days }}", "2026-03-08")]
    [InlineData("{{today() + 1 day}}", "2026-03-02")]
    [InlineData("{{today() - 1 day}}", "2026-02-28")]
    [InlineData("{{today() - 366 days}}", "2025-02-28")]
    public void TryResolve_TodayArithmetic_WritesIsoDate(string token, string expected)
    {
        Assert.Equal("Observation?date=ge" + expected, Resolve("Observation?date=ge" + token, Tokens()));
    }

    [Fact]
    public void TryResolve_TodayAtLeapDay_UsesCalendarArithmetic()
    {
        var tokens = Tokens() with { Today = new DateOnly(2024, 2, 29) };

        Assert.Equal("2024-03-01|2023-03-01", Resolve("{{today() + 1 days}}|{{today() - 365 days}}", tokens));
    }

    [Fact]
    public void TryResolve_ValueWithReservedCharacters_IsUrlEscaped()
    {
        string resolved = Resolve("Observation?patient={{context.patientId}}", Tokens(patientId: "a&b=c d/é#"));

        Assert.Equal("Observation?patient=a%26b%3Dc%20d%2F%C3%A9%23", resolved);
    }

    [Theory]
    [InlineData("Encounter/{{context.encounterId}}", "context.encounterId")]
    [InlineData("Observation?subject={{context.subjectId}}", "context.subjectId")]
    [InlineData("Medication/{{context.draftOrders.entry.resource.id}}", "context.draftOrders.entry.resource.id")]
    [InlineData("Patient/{{patientId}}", "patientId")]
    [InlineData("Observation?date=gt{{today() - 90 weeks}}", "today() - 90 weeks")]
    [InlineData("Observation?date=gt{{today() * 2}}", "today() * 2")]
    [InlineData("Observation?date=gt{{now()}}", "now()")]
    [InlineData("Patient/{{}}", "")]
    [InlineData("Patient/{{context.patientId", "{{context.patientId")]
    public void TryResolve_UnknownOrEmptyToken_ReportsUnresolvedToken(string template, string expectedToken)
    {
        bool ok = PrefetchTemplate.TryResolve(template, Tokens(), out string resolved, out string? unresolved);

        Assert.False(ok);
        Assert.Equal(expectedToken, unresolved);
        Assert.Equal(string.Empty, resolved);
    }

    [Fact]
    public void TryResolve_UserIdWithoutType_UserTokensUnresolved()
    {
        Assert.False(PrefetchTemplate.TryResolve("Practitioner/{{userPractitionerId}}", Tokens(userId: "123"), out _, out string? unresolved));
        Assert.Equal("userPractitionerId", unresolved);
    }

    [Fact]
    public void From_HookContext_UsesItsPrefetchTokens()
    {
        var context = new PatientViewContext { UserId = "Practitioner/9", PatientId = "p2", EncounterId = "e2" };

        PrefetchTokenContext tokens = PrefetchTokenContext.From(context, Today);

        Assert.Equal("Encounter/e2?x=p2&u=9&d=2026-03-01", Resolve("Encounter/{{context.encounterId}}?x={{context.patientId}}&u={{userPractitionerId}}&d={{today()}}", tokens));
    }

    [Theory]
    [InlineData("context.patientId", true)]
    [InlineData("userRelatedPersonId", true)]
    [InlineData(" today() - 30 days ", true)]
    [InlineData("context.medication.id", false)]
    [InlineData("context.draftOrders.entry.resource.ofType(MedicationRequest).id", false)]
    [InlineData("%patient.id", false)]
    public void IsSupportedToken_Forms_AreRecognised(string token, bool expected)
    {
        Assert.Equal(expected, PrefetchTemplate.IsSupportedToken(token));
    }
}
