namespace CdsHooks.Fhir.Validation;

/// <summary>The primitive types the validator can accept without its regex.</summary>
internal enum PrimitiveKind
{
    /// <summary>Checked by the regex only (time, oid, uuid, base64Binary...).</summary>
    Other,
    Boolean,
    Integer,
    PositiveInt,
    UnsignedInt,
    Decimal,

    /// <summary>string and markdown.</summary>
    String,
    Code,
    Id,

    /// <summary>uri, url and canonical.</summary>
    Uri,
    Date,
    DateTime,
    Instant,
}
