using CdsHooks.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CdsHooks.EndToEnd.Tests;

[Collection(DemoPageGroup.Name)]
public sealed class AccessibilityTests(DemoFixture fixture)
{
    // WCAG 2.1 relative luminance and contrast ratio, computed from the styles the browser actually applies.
    private const string ContrastScript = """
        (pairs) => {
          const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
          return pairs.map(([className, kind]) => {
            const probe = document.createElement(kind === 'border' ? 'article' : 'span');
            probe.className = className; probe.textContent = 'x'; document.body.append(probe);
            const style = getComputedStyle(probe);
            const value = kind === 'border'
              ? ratio(style.borderLeftColor, style.backgroundColor)
              : ratio(style.color, style.backgroundColor);
            probe.remove();
            return [className, kind, Math.round(value * 100) / 100];
          });
        }
        """;

    [Fact]
    public async Task FormControlsAndButtons_AllHaveAccessibleNames()
    {
        var page = await fixture.OpenDemoAsync("crohns-v6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chart (patient-view)" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.card").First).ToBeVisibleAsync();

        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea, button, a[href]')]
              .filter(e => {
                const labelled = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
                const text = (e.textContent || '').trim();
                return e.matches('input, select, textarea') ? !labelled : !(text || e.getAttribute('aria-label'));
              })
              .map(e => e.outerHTML.slice(0, 120))
            """);

        Assert.Empty(unlabelled);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#timeline-svg")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator("#timeline-svg > title")).ToHaveTextAsync("Treatment timeline");
        await Assertions.Expect(page.Locator("#cds-status")).ToHaveAttributeAsync("role", "status");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_ReachesAPatientOpensTheChartAndDismissesACard()
    {
        var page = await fixture.OpenDemoAsync();
        await Assertions.Expect(page.Locator("#patients button")).ToHaveCountAsync(63);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the chart", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await TabUntilAsync(page, "document.activeElement.dataset.patientId === 'crohns-v1'");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#chart-heading")).ToHaveTextAsync("Demo Crohns-V1");

        await TabUntilAsync(page, "document.activeElement.id === 'open-chart'");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("article.card").First).ToBeVisibleAsync();

        await TabUntilAsync(page, "(document.activeElement.getAttribute('aria-label') || '').startsWith('Dismiss:')");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('dismiss-dialog').contains(document.activeElement)"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task IndicatorAndResultColours_MeetWcagContrast()
    {
        var page = await fixture.OpenDemoAsync();

        var results = await page.EvaluateAsync<object[][]>(ContrastScript, new object[]
        {
            new[] { "badge", "text" }, new[] { "badge badge--warning", "text" }, new[] { "badge badge--critical", "text" },
            new[] { "tri tri--true", "text" }, new[] { "tri tri--false", "text" }, new[] { "tri tri--unknown", "text" },
            new[] { "card", "border" }, new[] { "card card--warning", "border" }, new[] { "card card--critical", "border" },
        });

        Assert.Equal(9, results.Length);
        foreach (var result in results)
        {
            string name = result[0].ToString()!;
            double ratio = Convert.ToDouble(result[2].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            // Text needs 4.5:1 (WCAG 1.4.3); the indicator stripe, against the card's white, is a graphical object: 3:1 (1.4.11).
            double needed = result[1].ToString() == "text" ? 4.5 : 3.0;
            Assert.True(ratio >= needed, $"{name}: contrast {ratio}:1 is below {needed}:1");
        }

        await page.CloseAsync();
    }

    private static async Task TabUntilAsync(IPage page, string condition, int maxPresses = 80)
    {
        for (int i = 0; i < maxPresses; i++)
        {
            if (await page.EvaluateAsync<bool>($"() => {condition}"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Keyboard focus never reached an element where {condition} after {maxPresses} Tab presses.");
    }
}
