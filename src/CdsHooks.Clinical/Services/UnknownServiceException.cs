namespace CdsHooks.Clinical.Services;

/// <summary>The called service id names no service this product offers (answered with 404).</summary>
public sealed class UnknownServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serviceId">The id from the URL; safe to echo (it is the caller's own path segment).</param>
    public UnknownServiceException(string serviceId)
        : base($"There is no CDS service '{serviceId}'. GET /cds-services lists the services offered.")
    {
        ServiceId = serviceId;
    }

    /// <summary>The id that was called.</summary>
    public string ServiceId { get; }
}
