using CdsHooks.Protocol.Responses;

namespace CdsHooks.Clinical.Invocation;

/// <summary>A service call's response with the facts an audit trail needs about it.</summary>
/// <param name="Response">The self-checked response.</param>
/// <param name="PatientId">The context's patient id (to be hashed before it is stored anywhere).</param>
/// <param name="DataGaps">What prefetch could not supply.</param>
public sealed record ServiceInvocationResult(CdsResponse Response, string PatientId, IReadOnlyList<DataGap> DataGaps);
