using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Conformance;

/// <summary>One kind of data a pack reads, merged across its criteria, with the rules that read it.</summary>
/// <param name="Need">What is read (elements and answer sets merged across the criteria that read the same value set).</param>
/// <param name="UsedBy">The rule ids that read it; <c>scope</c> when the pack's scope does.</param>
public sealed record PackDataNeed(DataNeed Need, IReadOnlyList<string> UsedBy);

/// <summary>Collects what a pack reads from its scope, definitions and rules (through <c>ref</c>), in first-use order.</summary>
public static class PackDataNeeds
{
    /// <summary>The data a pack reads.</summary>
    public static IReadOnlyList<PackDataNeed> Of(KnowledgePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var merged = new Dictionary<(string Role, string? ValueSet), (DataNeed Need, SortedSet<string> UsedBy)>();
        var order = new List<(string, string?)>();
        Collect(pack, pack.Scope, "scope", merged, order, []);
        foreach (var rule in pack.Rules)
        {
            Collect(pack, rule.When, rule.Id, merged, order, []);
        }

        return order.Select(key => new PackDataNeed(merged[key].Need, merged[key].UsedBy.ToList())).ToList();
    }

    private static void Collect(
        KnowledgePack pack,
        Criterion criterion,
        string user,
        Dictionary<(string, string?), (DataNeed Need, SortedSet<string> UsedBy)> merged,
        List<(string, string?)> order,
        HashSet<string> path)
    {
        switch (criterion)
        {
            case AllCriterion all:
                all.Parts.ToList().ForEach(p => Collect(pack, p, user, merged, order, path));
                return;
            case AnyCriterion any:
                any.Parts.ToList().ForEach(p => Collect(pack, p, user, merged, order, path));
                return;
            case NotCriterion not:
                Collect(pack, not.Inner, user, merged, order, path);
                return;
            case RefCriterion r when pack.Definitions.TryGetValue(r.Name, out var definition) && path.Add(r.Name):
                Collect(pack, definition, user, merged, order, path);
                path.Remove(r.Name);
                return;
            default:
                break;
        }

        foreach (var need in CriterionData.Of(criterion))
        {
            var key = (need.Role, need.ValueSet ?? need.Elements[0]);
            if (merged.TryGetValue(key, out var existing))
            {
                existing.UsedBy.Add(user);
                merged[key] = (existing.Need with
                {
                    Elements = existing.Need.Elements.Union(need.Elements).ToList(),
                    AnswerValueSets = existing.Need.AnswerValueSets.Union(need.AnswerValueSets).ToList(),
                    ResourceTypes = existing.Need.ResourceTypes.Union(need.ResourceTypes).ToList(),
                }, existing.UsedBy);
            }
            else
            {
                merged[key] = (need, new SortedSet<string>(StringComparer.Ordinal) { user });
                order.Add(key);
            }
        }
    }
}
