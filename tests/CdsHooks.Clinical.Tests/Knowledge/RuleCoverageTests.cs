using System.Text.Json;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.Tests.Knowledge;

/// <summary>Every rule must prove itself: at least one demo patient it fires for, and one it does not.</summary>
public class RuleCoverageTests
{
    private static readonly string[] Hooks = ["patient-view", "order-select", "order-sign"];

    internal static async Task<IReadOnlyList<string>> FiredRulesAsync(SeedPatient seed, string hook, int? draftIndex = null)
    {
        var engine = new RefractoryEngine(ClinicalFixture.Knowledge, new FixedTimeProvider(seed.EvaluationTime),
            Options.Create(ClinicalFixture.Options()), NullLogger<RefractoryEngine>.Instance);
        var invocation = ClinicalFixture.Call(seed, hook, withDrafts: hook != "patient-view");
        if (draftIndex is { } only)
        {
            invocation = invocation with { DraftOrders = [invocation.DraftOrders[only]] };
        }

        var cards = await engine.EvaluateAsync(invocation, CancellationToken.None);
        return cards.Select(RuleOf).ToList();
    }

    // Order hooks run with all of a vignette's draft orders, and with each one alone (its variants, e.g. one drug vs a combination).
    private static IEnumerable<int?> DraftSelections(SeedPatient seed, string hook) =>
        hook == "patient-view" ? [null] : new int?[] { null }.Concat(Enumerable.Range(0, seed.DraftOrders.Count).Select(i => (int?)i));

    internal static string RuleOf(CdsHooks.Protocol.Cards.Card card) =>
        card.Extension is { } ext && ext.TryGetValue(AssessmentRecord.ExtensionKey, out var record)
            ? record.GetProperty("rule").GetString()!
            : "engine";

    [Fact]
    public async Task EveryRule_FiresForSomeDemoPatient_AndNotForAnother()
    {
        var firedBy = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var seed in SeedPatients.ById.Values)
        {
            foreach (string hook in Hooks)
            {
                foreach (int? draft in DraftSelections(seed, hook))
                {
                    foreach (string rule in await FiredRulesAsync(seed, hook, draft))
                    {
                        if (!firedBy.TryGetValue(rule, out var patients))
                        {
                            firedBy[rule] = patients = [];
                        }

                        patients.Add(seed.PatientId);
                    }
                }
            }
        }

        int patientCount = SeedPatients.ById.Count;
        var never = ClinicalFixture.Knowledge.Packs.SelectMany(p => p.Rules).Select(r => r.Rule.Id).Where(id => !firedBy.ContainsKey(id)).ToList();
        Assert.True(never.Count == 0, "rules no demo patient fires: " + string.Join(", ", never));
        Assert.All(firedBy, kv => Assert.True(kv.Value.Count < patientCount, $"{kv.Key} fires for every patient"));
    }

    [Fact]
    public async Task PatientOutsideEveryPack_GetsNoCards()
    {
        var seed = SeedPatients.Get("sle-v8");
        foreach (string hook in Hooks)
        {
            var fired = await FiredRulesAsync(seed, hook);
            Assert.DoesNotContain(fired, r => r.StartsWith("crohns.", StringComparison.Ordinal));
        }
    }
}
