using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.DemoPage;

/// <summary>One drug the order form offers: its INN, mechanism class and the codings of the terminology's value sets.</summary>
internal sealed record DemoDrug(string Inn, string? MechanismClass, string? Mechanism, IReadOnlyList<Coding> Codings);

/// <summary>
/// The drugs the engine's terminology knows (every value-set concept that names an agent), for the demo order form. A
/// drug picked there is coded exactly as the packs expect, so order-time rules can fire on it.
/// </summary>
internal sealed class DrugCatalog(KnowledgeBase knowledge)
{
    private readonly Lazy<IReadOnlyList<DemoDrug>> _drugs = new(() => Build(knowledge.Terminology));

    public IReadOnlyList<DemoDrug> Drugs => _drugs.Value;

    private static List<DemoDrug> Build(TerminologyCatalog terminology)
    {
        var codings = new Dictionary<string, Dictionary<string, Coding>>(StringComparer.Ordinal);
        foreach (var concept in terminology.ValueSets.SelectMany(v => v.Concepts).Where(c => c.Agent is not null))
        {
            if (concept.Key.System is not (KnownSystems.RxNorm or KnownSystems.Atc))
            {
                continue;
            }

            var bySystem = codings.TryGetValue(concept.Agent!, out var existing) ? existing : codings[concept.Agent!] = new(StringComparer.Ordinal);
            bySystem.TryAdd(concept.Key.System, new Coding { System = concept.Key.System, Code = concept.Key.Code, Display = concept.Display ?? concept.Agent });
        }

        return codings
            .Select(kv =>
            {
                var list = kv.Value.Values.OrderBy(c => c.System == KnownSystems.RxNorm ? 0 : 1).ToList();
                var agent = terminology.ResolveAgent(new CodeableConcept { Coding = list });
                return new DemoDrug(kv.Key, agent?.MechanismClass, agent?.MechanismDisplay, list);
            })
            .OrderBy(d => d.Inn, StringComparer.Ordinal)
            .ToList();
    }
}
