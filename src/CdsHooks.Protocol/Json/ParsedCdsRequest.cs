using System.Text.Json;
using CdsHooks.Protocol.Hooks;
using CdsHooks.Protocol.Requests;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// A validated CDS Hooks request together with the parsed document its <see cref="JsonElement"/>s point into.
/// Keep it alive for the request's lifetime and dispose it afterwards; after disposal the elements of
/// <see cref="Request"/> are no longer valid.
/// </summary>
public sealed class ParsedCdsRequest : IDisposable
{
    private readonly JsonBody _body;

    internal ParsedCdsRequest(JsonBody body, CdsRequest request)
    {
        _body = body;
        Request = request;
    }

    /// <summary>The validated request.</summary>
    public CdsRequest Request { get; }

    /// <summary>The root element of the request body, as received.</summary>
    public JsonElement Root => _body.Document.RootElement;

    /// <summary>Reads the typed hook context of <see cref="Request"/>; see <see cref="HookContext.Parse"/>.</summary>
    /// <returns>The typed context.</returns>
    /// <exception cref="Errors.InvalidCdsRequestException">The hook is unsupported or its context is invalid.</exception>
    public HookContext ParseContext() => HookContext.Parse(Request.Hook, Request.Context);

    /// <summary>Releases the parsed document and its pooled buffer.</summary>
    public void Dispose() => _body.Dispose();
}
