namespace CdsHooks.Service.Demo;

/// <summary>One <c>_sort</c> key.</summary>
/// <param name="Parameter">The date parameter sorted on.</param>
/// <param name="Descending">True for <c>-name</c>.</param>
internal sealed record SortKey(DateSearchParameter Parameter, bool Descending);
