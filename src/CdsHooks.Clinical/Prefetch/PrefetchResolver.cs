using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Rest;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Hooks;
using CdsHooks.Protocol.Prefetch;
using CdsHooks.Protocol.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// Completes a request's prefetch (CDS Hooks §Prefetch). Each key is handled by its state: a resource or Bundle is
/// used; <c>null</c> means known empty and is not queried again; an OperationOutcome or an absent key is queried
/// from <c>fhirServer</c> with the request's bearer token. Queries run in parallel under one deadline. What cannot
/// be had becomes a <see cref="DataGap"/>, so the criteria it feeds are unknown rather than false; a key that no
/// FHIR server could supply answers 412 (<see cref="PrefetchUnavailableException"/>) unless configured to omit it.
/// </summary>
public sealed partial class PrefetchResolver(
    FhirRestClient fhir,
    ResourceRelevance relevance,
    IFhirTokenSource tokens,
    IOptions<PrefetchOptions> options,
    TimeProvider time,
    ILogger<PrefetchResolver> logger,
    IncomingDataCheck conformance)
{
    /// <summary>Resolves every prefetch key of <paramref name="service"/> for one request.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="request">The validated request.</param>
    /// <param name="context">Its typed hook context.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The patient's data and its gaps.</returns>
    /// <exception cref="PrefetchUnavailableException">A key could be had neither way and the failure mode is <see cref="PrefetchFailureMode.Fail"/>.</exception>
    public async Task<ResolvedPrefetch> ResolveAsync(CdsServiceDefinition service, CdsRequest request, HookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        RequireSecureFhirServer(request.FhirServer, settings);
        var templateTokens = PrefetchTokenContext.From(context, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        using var deadline = new CancellationTokenSource(settings.Deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var target = request.FhirServer is null ? null : new Lazy<Task<FhirServerTarget>>(() => TargetAsync(request, linked.Token));
        var work = new KeyWork(request, templateTokens, settings.Deadline, target, linked.Token, deadline.Token);

        // Keys to query are started first: reading a large prefetched Bundle is synchronous work that would otherwise
        // spend the deadline before a later key's query was even sent.
        var tasks = new Task<PrefetchKeyOutcome>[service.Prefetch.Count];
        foreach (int index in Enumerable.Range(0, tasks.Length).OrderBy(i => IsPrefetched(service.Prefetch[i], request) ? 1 : 0))
        {
            tasks[index] = ResolveKeyAsync(service.Prefetch[index], work);
        }

        var outcomes = await Task.WhenAll(tasks).ConfigureAwait(false);
        if (logger.IsEnabled(LogLevel.Information))
        {
            int prefetched = outcomes.Count(o => o.Source == PrefetchSource.Prefetched);
            int fetched = outcomes.Count(o => o.Source == PrefetchSource.FhirServer);
            int gaps = outcomes.Count(o => o.Gap is not null);
            LogResolved(logger, prefetched, fetched, gaps);
        }

        cancellationToken.ThrowIfCancellationRequested();

        // CDS Hooks: a service that can access neither the prefetch nor the FHIR server answers 412. That is the case
        // when a key had no fhirServer to ask, or when the FHIR server refused every query the service made.
        var unobtainable = outcomes.Where(o => o.Source == PrefetchSource.Unobtainable).ToList();
        var queried = outcomes.Where(o => o.Source is PrefetchSource.FhirServer or PrefetchSource.Unavailable or PrefetchSource.AccessDenied).ToList();
        if (queried.Count > 0 && queried.All(o => o.Source == PrefetchSource.AccessDenied))
        {
            unobtainable.AddRange(queried);
        }

        if (unobtainable.Count > 0 && settings.FailureMode == PrefetchFailureMode.Fail)
        {
            throw new PrefetchUnavailableException(unobtainable);
        }

        if (await FetchMedicationsAsync(outcomes, work).ConfigureAwait(false) is { } medications)
        {
            outcomes = [.. outcomes, medications];
        }

        return Assemble(outcomes, context.PatientId, conformance);
    }

    // Medications referenced but not supplied are read one by one (a template cannot _include them). One that cannot
    // be read is a gap; the timeline then treats its record's drug as unidentified, so no criterion takes it as absent.
    private async Task<PrefetchKeyOutcome?> FetchMedicationsAsync(PrefetchKeyOutcome[] outcomes, KeyWork work)
    {
        if (work.Target is null)
        {
            return null;
        }

        var missing = MedicationReferences.Unresolved(outcomes.SelectMany(o => o.Resources), work.Request.FhirServer);
        if (missing.Count == 0)
        {
            return null;
        }

        // A few reads at a time: a patient with many drugs should not open dozens of connections to the EHR at once.
        using var slots = new SemaphoreSlim(MedicationReferences.ConcurrentReads);
        var reads = await Task.WhenAll(missing.Take(MedicationReferences.MaxReads).Select(reference => GuardAsync(MedicationKey, work, async target =>
        {
            await slots.WaitAsync(work.Token).ConfigureAwait(false);
            try
            {
                var resource = await fhir.ReadAsync(target, reference, work.Token).ConfigureAwait(false);
                return resource is Medication
                    ? new PrefetchKeyOutcome(MedicationKey, PrefetchSource.FhirServer, [resource], null)
                    : new PrefetchKeyOutcome(MedicationKey, PrefetchSource.Unavailable, [], new DataGap(MedicationKey.Key, Medication.TypeName, $"the FHIR server answered a Medication read with a {resource.ResourceType}"));
            }
            finally
            {
                slots.Release();
            }
        }))).ConfigureAwait(false);

        var read = reads.SelectMany(r => r.Resources).ToList();
        var gap = reads.Select(r => r.Gap).FirstOrDefault(g => g is not null);
        if (missing.Count > MedicationReferences.MaxReads)
        {
            gap ??= new DataGap(MedicationKey.Key, Medication.TypeName, $"only the first {MedicationReferences.MaxReads} referenced Medications are read");
        }

        var source = read.Count > 0 ? PrefetchSource.FhirServer
            : reads.All(r => r.Source == PrefetchSource.AccessDenied) ? PrefetchSource.AccessDenied : PrefetchSource.Unavailable;
        return new PrefetchKeyOutcome(MedicationKey, source, read, gap is null ? null : gap with { Partial = read.Count > 0 });
    }

    private async Task<PrefetchKeyOutcome> ResolveKeyAsync(PrefetchKey key, KeyWork work)
    {
        string? requery = null;
        if (work.Request.Prefetch is { } prefetch && prefetch.TryGetValue(key.Key, out JsonElement value))
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return new PrefetchKeyOutcome(key, PrefetchSource.KnownEmpty, [], null);
            }

            if (!PrefetchedDataReader.IsOperationOutcome(value))
            {
                return await CompletePrefetchedAsync(key, value, work).ConfigureAwait(false);
            }

            requery = "the EHR's prefetch held an OperationOutcome for it";
        }

        if (work.Request.FhirServer is null)
        {
            string reason = (requery ?? "it was not prefetched") + ", and the request has no fhirServer to query";
            return new PrefetchKeyOutcome(key, PrefetchSource.Unobtainable, [], new DataGap(key.Key, key.ResourceType, reason));
        }

        return await QueryAsync(key, work).ConfigureAwait(false);
    }

    private async Task<PrefetchKeyOutcome> CompletePrefetchedAsync(PrefetchKey key, JsonElement value, KeyWork work)
    {
        var page = PrefetchedDataReader.Read(key, value, relevance);
        if (page.NextLink is null)
        {
            return new PrefetchKeyOutcome(key, PrefetchSource.Prefetched, page.Resources, page.Gap) { Sources = page.Sources };
        }

        // A paginated prefetch (CDS Hooks 2.0): the service fetches the remaining pages itself.
        if (work.Request.FhirServer is null)
        {
            var gap = new DataGap(key.Key, key.ResourceType, "the prefetched Bundle has further pages, and the request has no fhirServer to fetch them", Partial: true);
            return new PrefetchKeyOutcome(key, PrefetchSource.Prefetched, page.Resources, page.Gap ?? gap) { Sources = page.Sources };
        }

        var rest = await GuardAsync(key, work, async target =>
        {
            var result = await fhir.ContinueSearchAsync(target, page.NextLink, work.Token).ConfigureAwait(false);
            return new PrefetchKeyOutcome(key, PrefetchSource.FhirServer, result.Resources, PrefetchGaps.FromSearch(key, result));
        }).ConfigureAwait(false);
        var resources = page.Resources.Concat(rest.Resources).ToList();
        return new PrefetchKeyOutcome(key, PrefetchSource.Prefetched, resources, PrefetchGaps.Combine(page.Gap, rest.Gap, someRead: resources.Count > 0)) { Sources = page.Sources };
    }

    private Task<PrefetchKeyOutcome> QueryAsync(PrefetchKey key, KeyWork work)
    {
        if (!PrefetchTemplate.TryResolve(key.Template, work.Tokens, out string query, out string? unresolved))
        {
            var gap = new DataGap(key.Key, key.ResourceType, $"its template token '{{{{{unresolved}}}}}' has no value in this hook's context");
            return Task.FromResult(new PrefetchKeyOutcome(key, PrefetchSource.Unavailable, [], gap));
        }

        return GuardAsync(key, work, async target =>
        {
            if (key.IsRead)
            {
                var resource = await fhir.ReadAsync(target, query, work.Token).ConfigureAwait(false);
                return resource.ResourceType == key.ResourceType
                    ? new PrefetchKeyOutcome(key, PrefetchSource.FhirServer, [resource], null)
                    : new PrefetchKeyOutcome(key, PrefetchSource.Unavailable, [], new DataGap(key.Key, key.ResourceType, $"the FHIR server answered with a {resource.ResourceType}, not a {key.ResourceType}"));
            }

            var result = await fhir.SearchAsync(target, query, work.Token).ConfigureAwait(false);
            return new PrefetchKeyOutcome(key, PrefetchSource.FhirServer, result.Resources, PrefetchGaps.FromSearch(key, result));
        });
    }

    // Runs one FHIR exchange; a failure or the deadline becomes a data gap, while the caller going away propagates.
    private async Task<PrefetchKeyOutcome> GuardAsync(PrefetchKey key, KeyWork work, Func<FhirServerTarget, Task<PrefetchKeyOutcome>> exchange)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            var target = await work.Target!.Value.ConfigureAwait(false);
            var outcome = await exchange(target).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogFetched(logger, key.Key, outcome.Resources.Count, elapsedMs);
            }

            return outcome;
        }
        catch (FhirRequestException ex)
        {
            LogFetchFailed(logger, key.Key, ex.Code, ex.StatusCode);
            var source = ex.StatusCode is 401 or 403 ? PrefetchSource.AccessDenied : PrefetchSource.Unavailable;
            return new PrefetchKeyOutcome(key, source, [], new DataGap(key.Key, key.ResourceType, PrefetchGaps.Describe(ex)));
        }
        catch (OperationCanceledException) when (work.DeadlineToken.IsCancellationRequested)
        {
            LogDeadline(logger, key.Key, work.Deadline.TotalMilliseconds);
            string reason = string.Create(CultureInfo.InvariantCulture, $"the FHIR server did not answer within the {work.Deadline.TotalSeconds:0.###} s deadline");
            return new PrefetchKeyOutcome(key, PrefetchSource.Unavailable, [], new DataGap(key.Key, key.ResourceType, reason));
        }
    }

    /// <summary>Not a prefetch template: the name under which referenced Medications read by the service are reported.</summary>
    private static readonly PrefetchKey MedicationKey = new("referencedMedications", "Medication/{id}", Medication.TypeName);

    private static bool IsPrefetched(PrefetchKey key, CdsRequest request) =>
        request.Prefetch is { } prefetch && prefetch.TryGetValue(key.Key, out var value) && !PrefetchedDataReader.IsOperationOutcome(value);

    // CDS Hooks: fhirServer SHALL use https with production data. Plain http is accepted on loopback (a local demo or
    // test server) or where a site allows it explicitly, since the access token travels with every query.
    private static void RequireSecureFhirServer(Uri? fhirServer, PrefetchOptions settings)
    {
        if (fhirServer is null || fhirServer.Scheme == Uri.UriSchemeHttps || fhirServer.IsLoopback || settings.AllowHttpFhirServer)
        {
            return;
        }

        throw new InvalidCdsRequestException(
            CdsErrorCodes.InvalidFhirServer,
            "'fhirServer' must use https: the service sends the access token with every query. Plain http is accepted only on loopback, or where Prefetch:AllowHttpFhirServer is set.",
            "fhirServer");
    }

    private static ResolvedPrefetch Assemble(PrefetchKeyOutcome[] outcomes, string patientId, IncomingDataCheck conformance)
    {
        Patient? patient = null;
        var resources = new List<Resource>();
        var sources = new List<JsonElement>(); // parallel to resources; Undefined where there is no prefetch JSON
        var seen = new HashSet<(string, string)>();
        var keys = new List<PrefetchKeyOutcome>(outcomes.Length);
        foreach (var outcome in outcomes)
        {
            int foreign = 0;
            for (int i = 0; i < outcome.Resources.Count; i++)
            {
                var resource = outcome.Resources[i];
                if (!PatientReferences.BelongsTo(resource, patientId))
                {
                    foreign++;
                }
                else if (resource is Patient p)
                {
                    patient ??= p;
                }
                else if (resource.Id is null || seen.Add((resource.ResourceType, resource.Id)))
                {
                    resources.Add(resource);
                    sources.Add(i < outcome.Sources.Count ? outcome.Sources[i] : default);
                }
            }

            bool keptSome = foreign < outcome.Resources.Count;
            keys.Add(foreign == 0 ? outcome : outcome with { Gap = PrefetchGaps.Combine(outcome.Gap, PrefetchGaps.Foreign(outcome.Key, foreign, keptSome), keptSome) });
        }

        // Resources that fail their profile are set aside here, where prefetched and fetched data meet (Conformance:IncomingData).
        var (used, setAside) = conformance.Apply(resources, sources);
        return new ResolvedPrefetch(new ClinicalData(patient, used), keys) { SetAside = setAside };
    }

    // The EHR's token when it sent one; otherwise the site's own (IFhirTokenSource), fetched once per request.
    private async Task<FhirServerTarget> TargetAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        string? token = request.FhirAuthorization?.AccessToken
            ?? await tokens.GetTokenAsync(request.FhirServer!, cancellationToken).ConfigureAwait(false);
        return new FhirServerTarget(request.FhirServer!, token);
    }

    private sealed record KeyWork(
        CdsRequest Request,
        PrefetchTokenContext Tokens,
        TimeSpan Deadline,
        Lazy<Task<FhirServerTarget>>? Target,
        CancellationToken Token,
        CancellationToken DeadlineToken);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Prefetch key {Key} fetched from the FHIR server: {Count} resources in {ElapsedMs:0.0} ms")]
    private static partial void LogFetched(ILogger logger, string key, int count, double elapsedMs);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Prefetch key {Key} could not be fetched: {ErrorCode} (HTTP {StatusCode})")]
    private static partial void LogFetchFailed(ILogger logger, string key, string errorCode, int? statusCode);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Prefetch key {Key} not fetched within the {DeadlineMs} ms deadline")]
    private static partial void LogDeadline(ILogger logger, string key, double deadlineMs);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Prefetch resolved: {Prefetched} keys prefetched, {Fetched} fetched, {Gaps} with gaps")]
    private static partial void LogResolved(ILogger logger, int prefetched, int fetched, int gaps);
}
