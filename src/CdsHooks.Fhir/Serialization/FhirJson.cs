using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// Reads and writes FHIR R4 JSON with the one shared set of options. Every read error is a
/// <see cref="FhirJsonException"/> with a stable code and the JSON path of the problem.
/// </summary>
public static class FhirJson
{
    /// <summary>
    /// The shared options: camelCase names as declared, nulls and empty arrays never written,
    /// numbers read exactly (decimal), source-generated metadata only. Read-only.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonTypeInfo<Resource> ResourceInfo = ResourceJsonConverter.ResourceTypeInfo(Options);

    /// <summary>Reads a resource of any type from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <returns>The resource; <see cref="OtherResource"/> for types not modelled.</returns>
    /// <exception cref="FhirJsonException">The JSON is not a valid resource.</exception>
    public static Resource DeserializeResource(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, ResourceInfo) ?? throw NotAnObject();
        }
        catch (JsonException ex)
        {
            throw FhirJsonException.Translate(ex);
        }
    }

    /// <summary>Reads a resource of any type from a parsed JSON element (e.g. a prefetch value).</summary>
    /// <param name="element">The element holding the resource object.</param>
    /// <returns>The resource; <see cref="OtherResource"/> for types not modelled.</returns>
    /// <exception cref="FhirJsonException">The JSON is not a valid resource.</exception>
    public static Resource DeserializeResource(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw NotAnObject();
        }

        try
        {
            return element.Deserialize(ResourceInfo) ?? throw NotAnObject();
        }
        catch (JsonException ex)
        {
            throw FhirJsonException.Translate(ex);
        }
    }

    /// <summary>Reads a resource that must be of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected resource type.</typeparam>
    /// <param name="utf8">The JSON text.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FhirJsonException">The JSON is not a valid resource, or is another type (<see cref="FhirJsonErrorCodes.UnexpectedResourceType"/>).</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8)
        where T : Resource
        => Expect<T>(DeserializeResource(utf8));

    /// <summary>Reads a resource that must be of type <typeparamref name="T"/> from a JSON element.</summary>
    /// <typeparam name="T">The expected resource type.</typeparam>
    /// <param name="element">The element holding the resource object.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FhirJsonException">The JSON is not a valid resource, or is another type.</exception>
    public static T Deserialize<T>(JsonElement element)
        where T : Resource
        => Expect<T>(DeserializeResource(element));

    /// <summary>Reads a resource, reporting a problem as a value instead of throwing.</summary>
    /// <param name="element">The element holding the resource object.</param>
    /// <param name="resource">The resource, when it could be read.</param>
    /// <param name="error">The problem, when it could not.</param>
    /// <returns>Whether the resource was read.</returns>
    public static bool TryDeserializeResource(JsonElement element, [NotNullWhen(true)] out Resource? resource, out FhirJsonError? error)
    {
        try
        {
            resource = DeserializeResource(element);
            error = null;
            return true;
        }
        catch (FhirJsonException ex)
        {
            resource = null;
            error = ex.ToError();
            return false;
        }
    }

    /// <summary>Writes a resource as UTF-8 JSON, <c>resourceType</c> first.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.SerializeToUtf8Bytes(resource, ResourceInfo);
    }

    /// <summary>Writes a resource as a JSON string, <c>resourceType</c> first.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.Serialize(resource, ResourceInfo);
    }

    /// <summary>Writes a resource as a <see cref="JsonElement"/> (e.g. for a card suggestion).</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON element.</returns>
    public static JsonElement SerializeToElement(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.SerializeToElement(resource, ResourceInfo);
    }

    /// <summary>Reads a datatype kept as a raw element (e.g. an extension value).</summary>
    internal static T? DeserializeElement<T>(JsonElement element, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return element.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            throw FhirJsonException.Translate(ex);
        }
    }

    private static T Expect<T>(Resource resource)
        where T : Resource
        => resource as T ?? throw new FhirJsonException(
            FhirJsonErrorCodes.UnexpectedResourceType,
            $"Expected a {typeof(T).Name} resource but found {resource.ResourceType}.");

    private static FhirJsonException NotAnObject()
        => new(FhirJsonErrorCodes.ResourceNotObject, "A resource must be a JSON object.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(FhirJsonContext.Default.Options)
        {
            // Readable non-ASCII (card text quotes Chinese sources) and no \u0027 for apostrophes: the output is
            // always sent as JSON, never embedded in HTML, so HTML-sensitive characters need no escaping.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = FhirJsonContext.Default.WithAddedModifier(EmptyListPolicy.OmitEmptyLists),
        };
        options.MakeReadOnly();
        return options;
    }
}
