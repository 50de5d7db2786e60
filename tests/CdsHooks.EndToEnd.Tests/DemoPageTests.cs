using System.Text.Json;
using CdsHooks.EndToEnd.Tests.Infrastructure;
using CdsHooks.Service.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CdsHooks.EndToEnd.Tests;

[Collection(DemoPageGroup.Name)]
public sealed class DemoPageTests(DemoFixture fixture)
{
    [Fact]
    public async Task OpenDemo_RefractoryPatient_ShowsChartTimelineAndRefractoryCardWithEvidence()
    {
        var page = await fixture.OpenDemoAsync();

        var patients = page.Locator("#patients button");
        await Assertions.Expect(patients).ToHaveCountAsync(63);
        await Assertions.Expect(patients.Filter(new() { HasText = "Crohns-V1" })).ToContainTextAsync("Crohn's disease");
        await patients.Filter(new() { HasText = "Crohns-V1 (V1)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#chart-heading")).ToHaveTextAsync("Demo Crohns-V1");
        await Assertions.Expect(page.Locator("#conditions")).ToContainTextAsync("Crohn's disease");
        await Assertions.Expect(page.Locator("#labs")).ToContainTextAsync("Fecal calprotectin");
        var infliximab = page.Locator("#timeline-svg g.episode", new() { HasText = "infliximab" });
        await Assertions.Expect(infliximab).ToHaveAttributeAsync("data-outcome", "secondary-loss-of-response");
        await Assertions.Expect(page.Locator("#timeline-svg g.episode", new() { HasText = "ustekinumab" })).ToHaveAttributeAsync("data-outcome", "primary-non-response");
        await Assertions.Expect(page.Locator("#timeline-legend")).ToContainTextAsync("anti-TNF");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open chart (patient-view)" }).ClickAsync();

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Refractory Crohn's disease" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".badge")).ToHaveTextAsync("Info");
        await Assertions.Expect(card.Locator(".card-detail")).ToContainTextAsync("Evidence:");
        await Assertions.Expect(card.Locator(".card-detail strong").First).ToBeVisibleAsync(); // markdown became HTML
        await Assertions.Expect(card.Locator(".card-source a")).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Why refractory? Open the assessment explainer" })).ToBeVisibleAsync();

        var request = JsonDocument.Parse(await page.Locator("#dev-request").TextContentAsync() ?? "{}").RootElement;
        Assert.Equal("patient-view", request.GetProperty("hook").GetString());
        Assert.Equal("Practitioner/COREPRACTITIONER1", request.GetProperty("context").GetProperty("userId").GetString());
        Assert.True(request.GetProperty("prefetch").TryGetProperty("medicationStatements", out _));
        var response = JsonDocument.Parse(await page.Locator("#dev-response").TextContentAsync() ?? "{}").RootElement;
        Assert.Contains(response.GetProperty("cards").EnumerateArray(), c => c.GetProperty("summary").GetString()!.StartsWith("Refractory Crohn's disease", StringComparison.Ordinal));

        await DemoFixture.ScreenshotAsync(page, "01-refractory-card");
        if (Environment.GetEnvironmentVariable("CDSHOOKS_UPDATE_DOCS_SCREENSHOT") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(CdsHooks.Testing.RepoPaths.Root, "docs", "images", "demo.png") });
        }

        Assert.True(fixture.ErrorsOf(page).Count == 0, string.Join("\n", fixture.ErrorsOf(page)));
        await page.CloseAsync();
    }

    [Fact]
    public async Task AcceptSuggestion_CreatesTheOrderInTheChartAndStoresFeedback()
    {
        var page = await fixture.OpenDemoAsync("crohns-v1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chart (patient-view)" }).ClickAsync();
        var card = page.Locator("article.card").Filter(new() { Has = page.Locator(".suggestions") }).First;
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pending-orders")).ToHaveTextAsync("None");
        string uuid = (await card.GetAttributeAsync("data-uuid"))!;
        var accept = card.Locator(".suggestions li").First;
        string label = (await accept.Locator("span").TextContentAsync())!.Replace(" (recommended)", string.Empty, StringComparison.Ordinal);

        await accept.GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(card.Locator(".card-status")).ToContainTextAsync("feedback stored (1 new)");
        await Assertions.Expect(page.Locator("#pending-orders li[data-reference^='MedicationRequest/demo-']").First).ToContainTextAsync("draft");
        Assert.DoesNotContain("None", await page.Locator("#pending-orders").TextContentAsync(), StringComparison.Ordinal);
        var stored = await fixture.Host.Services.GetRequiredService<IFeedbackStore>().FindByCardAsync(uuid, CancellationToken.None);
        var feedback = Assert.Single(stored);
        Assert.Equal("accepted", feedback.Outcome);
        Assert.Equal("refractory-patient-view", feedback.ServiceId);
        Assert.Single(feedback.AcceptedSuggestions);
        Assert.False(string.IsNullOrWhiteSpace(label));
        await DemoFixture.ScreenshotAsync(page, "02-suggestion-accepted");
        Assert.True(fixture.ErrorsOf(page).Count == 0, string.Join("\n", fixture.ErrorsOf(page)));
        await page.CloseAsync();
    }

    [Fact]
    public async Task PlaceOrder_JakInhibitorAfterThrombosis_ShowsCriticalCardAndDismissStoresTheReason()
    {
        var page = await fixture.OpenDemoAsync("crohns-v6");
        await Assertions.Expect(page.Locator("#chart-heading")).ToHaveTextAsync("Demo Crohns-V6");

        await page.GetByLabel("Drug").SelectOptionAsync(new SelectOptionValue { Label = "upadacitinib (JAK inhibitor)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Select (order-select)" }).ClickAsync();

        var critical = page.Locator("article.card[data-indicator='critical']", new() { HasText = "JAK inhibitor with prior venous thromboembolism" });
        await Assertions.Expect(critical).ToBeVisibleAsync();
        await Assertions.Expect(critical.Locator(".badge")).ToHaveTextAsync("Critical");
        var request = JsonDocument.Parse(await page.Locator("#dev-request").TextContentAsync() ?? "{}").RootElement;
        Assert.Equal("order-select", request.GetProperty("hook").GetString());
        Assert.Equal("MedicationRequest", request.GetProperty("context").GetProperty("draftOrders").GetProperty("entry")[0].GetProperty("resource").GetProperty("resourceType").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign (order-sign)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cds-status")).ToContainTextAsync("order-sign:");
        critical = page.Locator("article.card[data-indicator='critical']", new() { HasText = "JAK inhibitor with prior venous thromboembolism" });
        await Assertions.Expect(critical).ToBeVisibleAsync();
        string uuid = (await critical.GetAttributeAsync("data-uuid"))!;
        await DemoFixture.ScreenshotAsync(page, "03-critical-card");

        await critical.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Radio).First.CheckAsync();
        string reason = (await dialog.Locator("fieldset label").First.TextContentAsync())!;
        await dialog.GetByLabel("Comment (optional)").FillAsync("Discussed with the patient");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Dismiss with this reason" }).ClickAsync();

        await Assertions.Expect(critical.Locator(".card-status")).ToContainTextAsync($"Dismissed ({reason})");
        await Assertions.Expect(critical.Locator(".card-status")).ToContainTextAsync("feedback stored (1 new)");
        var feedback = Assert.Single(await fixture.Host.Services.GetRequiredService<IFeedbackStore>().FindByCardAsync(uuid, CancellationToken.None));
        Assert.Equal("overridden", feedback.Outcome);
        Assert.Equal("refractory-order-sign", feedback.ServiceId);
        Assert.StartsWith("http://refractorycds.org/fhir/CodeSystem/override-reason|", feedback.OverrideReasonCode, StringComparison.Ordinal);
        Assert.Equal("Discussed with the patient", feedback.OverrideComment);
        Assert.True(fixture.ErrorsOf(page).Count == 0, string.Join("\n", fixture.ErrorsOf(page)));
        await page.CloseAsync();
    }

    [Fact]
    public async Task SmartLink_OpensTheExplainerWithTheCriteriaTreeEvidenceAndAssumptions()
    {
        var page = await fixture.OpenDemoAsync("crohns-v1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chart (patient-view)" }).ClickAsync();
        var open = page.GetByRole(AriaRole.Button, new() { Name = "Why refractory? Open the assessment explainer" });

        var app = await fixture.Browser.Context.RunAndWaitForPageAsync(() => open.ClickAsync());

        await Assertions.Expect(app.Locator("#explanation")).ToBeVisibleAsync();
        Assert.Contains("/smart-app/index.html", app.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", app.Url, StringComparison.Ordinal); // the code is not left in the address bar
        await Assertions.Expect(app.Locator("#patient-banner")).ToContainTextAsync("crohns-v1");
        await Assertions.Expect(app.Locator("#rule-heading")).ToContainTextAsync("crohns.refractory-status");
        await Assertions.Expect(app.Locator("#rule-status")).ToContainTextAsync("Refractory");
        var root = app.Locator("#criteria > li");
        await Assertions.Expect(root).ToHaveAttributeAsync("data-value", "true");
        var failed = app.Locator("#criteria li[data-kind='failedMechanisms']").First;
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-value", "true");
        await Assertions.Expect(failed.Locator(".facts").First).ToContainTextAsync("MedicationStatement/");
        await Assertions.Expect(app.Locator("#criteria .tri--false, #criteria .tri--true").First).ToBeVisibleAsync();
        await Assertions.Expect(app.Locator("#evidence tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(app.Locator("#assumptions")).ToContainTextAsync("min-failed-mechanisms");
        await Assertions.Expect(app.Locator("#missing")).ToContainTextAsync("Nothing");

        await DemoFixture.ScreenshotAsync(app, "04-smart-explainer");
        Assert.True(fixture.ErrorsOf(page).Count == 0, string.Join("\n", fixture.ErrorsOf(page)));
        await app.CloseAsync();
        await page.CloseAsync();
    }
}
