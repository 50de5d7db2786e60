using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Protocol.Cards;
using CdsHooks.Service.Demo;
using CdsHooks.Service.Hosting;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Smart;

/// <summary>
/// Adds a SMART link to the assessment explainer on every refractory-status card, in demo mode (where the app and its
/// authorization server are served). The link's <c>appContext</c> names the rule, so the app opens on that assessment.
/// The URL is this host's own, taken from the request, so it is right behind any address the EHR used.
/// </summary>
internal sealed class SmartLinkEngine(IRefractoryEngine inner, IHttpContextAccessor http, IOptions<DemoOptions> demo) : IRefractoryEngine
{
    /// <summary>The app's launch page, relative to the host root.</summary>
    public const string LaunchPath = "smart-app/launch.html";

    /// <summary>The link's label.</summary>
    public const string LinkLabel = "Why refractory? Open the assessment explainer";

    public async ValueTask<IReadOnlyList<Card>> EvaluateAsync(HookInvocation invocation, CancellationToken cancellationToken)
    {
        var cards = await inner.EvaluateAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (!demo.Value.Enabled || http.HttpContext?.Request is not { } request)
        {
            return cards;
        }

        var url = new Uri(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase) + LaunchPath);
        return cards.Select(card => StatusRule(card) is { } rule ? WithLink(card, url, rule, invocation.ServiceId) : card).ToList();
    }

    private static string? StatusRule(Card card) =>
        AssessmentRecord.RuleAndKindOf(card) is var (rule, kind) && kind == CardKind.RefractoryStatus.Code() ? rule : null;

    private static Card WithLink(Card card, Uri url, string rule, string serviceId)
    {
        string appContext = new JsonObject { ["rule"] = rule, ["serviceId"] = serviceId }.ToJsonString(HostJsonContext.Default.Options);
        var link = new CardLink { Label = LinkLabel, Url = url, Type = CardLinkType.Smart, AppContext = appContext };
        return card with { Links = [.. card.Links ?? [], link] };
    }
}
