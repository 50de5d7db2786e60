using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Testing.Requests;

/// <summary>
/// Builds CDS Hooks request bodies for tests, with valid synthetic defaults so each test states only what matters
/// to it: the hook, the patient, which prefetch keys are sent (and how), and the FHIR server.
/// </summary>
public sealed class CdsRequestBuilder
{
    private readonly JsonObject _root;

    private CdsRequestBuilder(string hook, string patientId)
    {
        _root = new JsonObject
        {
            ["hook"] = hook,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example-clinician", ["patientId"] = patientId },
        };
    }

    /// <summary>A request for <paramref name="hook"/> about <paramref name="patientId"/>, with no prefetch and no fhirServer.</summary>
    public static CdsRequestBuilder For(string hook, string patientId) => new(hook, patientId);

    /// <summary>The hookInstance sent.</summary>
    public string HookInstance => _root["hookInstance"]!.GetValue<string>();

    /// <summary>Sets the FHIR server and, optionally, the bearer token in fhirAuthorization.</summary>
    public CdsRequestBuilder WithFhirServer(Uri baseUrl, string? accessToken = null)
    {
        _root["fhirServer"] = baseUrl.ToString();
        if (accessToken is not null)
        {
            _root["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = accessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "patient/Patient.rs patient/Condition.rs patient/Observation.rs",
                ["subject"] = "refractory-cds",
            };
        }

        return this;
    }

    /// <summary>Sets one prefetch key to a JSON value (a resource, a Bundle, an OperationOutcome or null).</summary>
    public CdsRequestBuilder WithPrefetch(string key, JsonNode? value)
    {
        var prefetch = (_root["prefetch"] ??= new JsonObject()).AsObject();
        prefetch[key] = value;
        return this;
    }

    /// <summary>Sends every key of the service's standard prefetch, built from a demo patient's bundle.</summary>
    public CdsRequestBuilder WithFullPrefetch(SeedPatient seed, params string[] except)
    {
        foreach (var (key, value) in SeedPrefetch.For(seed))
        {
            if (!except.Contains(key))
            {
                WithPrefetch(key, value);
            }
        }

        return this;
    }

    /// <summary>Sets <c>context.draftOrders</c> (and, for order-select, <c>selections</c>) from draft order resources.</summary>
    public CdsRequestBuilder WithDraftOrders(IEnumerable<JsonElement> orders)
    {
        var list = orders.Select(o => JsonNode.Parse(o.GetRawText())!).ToList();
        var context = _root["context"]!.AsObject();
        context["draftOrders"] = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(list.Select(o => (JsonNode)new JsonObject { ["resource"] = o }).ToArray()),
        };
        if (_root["hook"]!.GetValue<string>() == "order-select")
        {
            context["selections"] = new JsonArray(list
                .Select(o => (JsonNode)JsonValue.Create($"{o["resourceType"]}/{o["id"]?.GetValue<string>() ?? "draft"}"))
                .ToArray());
        }

        return this;
    }

    /// <summary>Changes any field with a callback, for malformed-request tests.</summary>
    public CdsRequestBuilder Edit(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit(_root);
        return this;
    }

    /// <summary>The request body.</summary>
    public string ToJson() => _root.ToJsonString();

    /// <inheritdoc/>
    public override string ToString() => ToJson();
}
