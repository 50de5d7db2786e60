using CdsHooks.Clinical.Prefetch;
using CdsHooks.Clinical.Services;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Hooks;
using CdsHooks.Protocol.Requests;
using CdsHooks.Protocol.Responses;
using CdsHooks.Protocol.Validation;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Clinical.Invocation;

/// <summary>
/// One CDS service call, start to finish and without HTTP: find the service, check the hook, read the context,
/// complete the prefetch, evaluate the packs, and self-check the response so that an invalid card is never sent.
/// </summary>
public sealed partial class CdsServiceInvoker(
    CdsServiceCatalog catalog,
    PrefetchResolver prefetch,
    IRefractoryEngine engine,
    ILogger<CdsServiceInvoker> logger)
{
    /// <summary>Calls a service.</summary>
    /// <param name="serviceId">The id from the URL.</param>
    /// <param name="request">The validated request body.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>A response that passes <see cref="ResponseSelfCheck"/>.</returns>
    /// <exception cref="UnknownServiceException">No such service.</exception>
    /// <exception cref="InvalidCdsRequestException">The hook or context is wrong for the service.</exception>
    /// <exception cref="PrefetchUnavailableException">Required data could not be had.</exception>
    public async Task<CdsResponse> InvokeAsync(string serviceId, CdsRequest request, CancellationToken cancellationToken)
        => (await InvokeDetailedAsync(serviceId, request, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>Calls a service, and also returns the patient id and data gaps (for the audit trail).</summary>
    /// <inheritdoc cref="InvokeAsync" path="/param"/>
    /// <inheritdoc cref="InvokeAsync" path="/exception"/>
    /// <returns>The response that <see cref="InvokeAsync"/> returns, with the facts behind it.</returns>
    public async Task<ServiceInvocationResult> InvokeDetailedAsync(string serviceId, CdsRequest request, CancellationToken cancellationToken)
    {
        var invocation = await PrepareAsync(serviceId, request, cancellationToken).ConfigureAwait(false);
        var cards = await engine.EvaluateAsync(invocation, cancellationToken).ConfigureAwait(false);

        var check = ResponseSelfCheck.Check(new CdsResponse { Cards = cards });
        foreach (var dropped in check.DroppedCards)
        {
            LogCardDropped(logger, invocation.ServiceId, dropped.Index, string.Join("; ", dropped.Violations.Select(v => v.ToString())));
        }

        return new ServiceInvocationResult(check.ToValidResponse(), invocation.PatientId, invocation.DataGaps);
    }

    /// <summary>
    /// The steps of a call before evaluation: find the service, check the hook, read the context and draft orders, and
    /// complete the prefetch. Shared by <see cref="InvokeAsync"/> and explanations of the same call.
    /// </summary>
    /// <param name="serviceId">The id from the URL.</param>
    /// <param name="request">The validated request body.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>What the engine evaluates.</returns>
    /// <exception cref="UnknownServiceException">No such service.</exception>
    /// <exception cref="InvalidCdsRequestException">The hook or context is wrong for the service.</exception>
    /// <exception cref="PrefetchUnavailableException">Required data could not be had.</exception>
    public async Task<HookInvocation> PrepareAsync(string serviceId, CdsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!catalog.TryFind(serviceId, out var service))
        {
            throw new UnknownServiceException(serviceId);
        }

        if (!string.Equals(request.Hook, service.Hook, StringComparison.Ordinal))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.HookMismatch,
                $"Service '{service.Id}' answers the '{service.Hook}' hook; the request's 'hook' names another.",
                "hook");
        }

        var context = HookContext.Parse(request.Hook, request.Context);
        var drafts = DraftOrderReader.Read(context);
        var data = await prefetch.ResolveAsync(service, request, context, cancellationToken).ConfigureAwait(false);
        return new HookInvocation
        {
            ServiceId = service.Id,
            Hook = service.Hook,
            HookInstance = request.HookInstance,
            PatientId = context.PatientId,
            Data = data.Data,
            DraftOrders = drafts,
            Selections = context is OrderSelectContext select ? select.Selections : [],
            DataGaps = data.Gaps,
            SetAside = data.SetAside,
            FhirServer = request.FhirServer,
        };
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Service {ServiceId} produced card {Index} that breaks the CDS Hooks rules and was dropped: {Violations}")]
    private static partial void LogCardDropped(ILogger logger, string serviceId, int index, string violations);
}
