namespace CdsHooks.Fhir.Model;

/// <summary>
/// The value of a FHIR choice element (<c>value[x]</c>, <c>effective[x]</c>, <c>onset[x]</c>, ...):
/// a closed union with one case per datatype this model allows. Each accessor that returns it
/// (e.g. <see cref="Observation.Value"/>) documents its subset, as Firely's <c>AllowedTypes</c> does.
/// </summary>
/// <remarks>Match on the nested cases: <c>if (obs.Value is ChoiceValue.QuantityChoice q) ...</c>.</remarks>
public abstract record ChoiceValue
{
    private ChoiceValue()
    {
    }

    /// <summary>A <see cref="Model.Quantity"/> (also Age, Duration).</summary>
    /// <param name="Value">The quantity.</param>
    public sealed record QuantityChoice(Quantity Value) : ChoiceValue;

    /// <summary>A <see cref="Model.CodeableConcept"/>.</summary>
    /// <param name="Value">The concept.</param>
    public sealed record CodeableConceptChoice(CodeableConcept Value) : ChoiceValue;

    /// <summary>A <see cref="Model.Reference"/>.</summary>
    /// <param name="Value">The reference.</param>
    public sealed record ReferenceChoice(Reference Value) : ChoiceValue;

    /// <summary>A FHIR <c>string</c>.</summary>
    /// <param name="Value">The text.</param>
    public sealed record StringChoice(string Value) : ChoiceValue;

    /// <summary>A FHIR <c>boolean</c>.</summary>
    /// <param name="Value">The flag.</param>
    public sealed record BooleanChoice(bool Value) : ChoiceValue;

    /// <summary>A FHIR <c>integer</c>.</summary>
    /// <param name="Value">The number.</param>
    public sealed record IntegerChoice(int Value) : ChoiceValue;

    /// <summary>A <see cref="Model.Range"/>.</summary>
    /// <param name="Value">The range.</param>
    public sealed record RangeChoice(Range Value) : ChoiceValue;

    /// <summary>A <see cref="Model.Ratio"/>.</summary>
    /// <param name="Value">The ratio.</param>
    public sealed record RatioChoice(Ratio Value) : ChoiceValue;

    /// <summary>A FHIR <c>dateTime</c>, <c>date</c> or <c>instant</c>.</summary>
    /// <param name="Value">The time, with its precision.</param>
    public sealed record DateTimeChoice(FhirDateTime Value) : ChoiceValue;

    /// <summary>A <see cref="Model.Period"/>.</summary>
    /// <param name="Value">The period.</param>
    public sealed record PeriodChoice(Period Value) : ChoiceValue;

    /// <summary>Returns the first non-null candidate as a choice value; FHIR allows only one to be present.</summary>
    internal static ChoiceValue? First(
        Quantity? quantity = null,
        CodeableConcept? codeableConcept = null,
        Reference? reference = null,
        string? text = null,
        bool? boolean = null,
        int? integer = null,
        Range? range = null,
        Ratio? ratio = null,
        FhirDateTime? dateTime = null,
        Period? period = null)
    {
        if (quantity is not null) return new QuantityChoice(quantity);
        if (codeableConcept is not null) return new CodeableConceptChoice(codeableConcept);
        if (reference is not null) return new ReferenceChoice(reference);
        if (text is not null) return new StringChoice(text);
        if (boolean is { } b) return new BooleanChoice(b);
        if (integer is { } i) return new IntegerChoice(i);
        if (range is not null) return new RangeChoice(range);
        if (ratio is not null) return new RatioChoice(ratio);
        if (dateTime is { } d) return new DateTimeChoice(d);
        return period is not null ? new PeriodChoice(period) : null;
    }
}
