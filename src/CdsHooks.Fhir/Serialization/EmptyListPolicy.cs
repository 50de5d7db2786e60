using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace CdsHooks.Fhir.Serialization;

/// <summary>FHIR JSON never contains empty arrays: an empty list is written like an absent one.</summary>
internal static class EmptyListPolicy
{
    public static void OmitEmptyLists(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = static (_, value) => HasItems(value);
            }
        }
    }

    private static bool HasItems(object? value) => value switch
    {
        null => false,
        ICollection collection => collection.Count > 0,
        IEnumerable enumerable => enumerable.GetEnumerator().MoveNext(),
        _ => true,
    };
}
