using System.Globalization;
using System.Text;
using System.Text.Json;
using CdsHooks.Fhir.Validation;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>
/// The fast path (<see cref="PrimitiveSyntax"/>) against the full check (the specification's regex, the calendar and
/// the integer range): whatever the fast path accepts, the full check accepts, on edge cases, on every character of
/// the Basic Multilingual Plane and on generated values; and it does accept the everyday values it exists for.
/// </summary>
public sealed class PrimitiveSyntaxTests
{
    private static readonly string[] FastTypes =
        ["boolean", "integer", "positiveInt", "unsignedInt", "decimal", "string", "markdown", "code", "id", "uri", "url", "canonical", "date", "dateTime", "instant"];

    public static TheoryData<string, string> EverydayValues() => new()
    {
        { "boolean", "true" }, { "integer", "-12" }, { "integer", "0" }, { "positiveInt", "3" }, { "unsignedInt", "0" },
        { "decimal", "38.5" }, { "decimal", "-0.001" }, { "decimal", "1e3" }, { "string", "\"Crohn's disease\"" }, { "string", "\"Maladie de Crohn, sévère\"" },
        { "code", "\"final\"" }, { "code", "\"entered-in-error\"" }, { "code", "\"mm[Hg]\"" }, { "code", "\"a b\"" }, { "id", "\"crohns-v1-ms-ust\"" },
        { "uri", "\"http://loinc.org\"" }, { "uri", "\"\"" }, { "canonical", "\"http://example.org/fhir/ValueSet/x|1.0\"" },
        { "date", "\"2019\"" }, { "date", "\"2019-05\"" }, { "date", "\"2024-02-29\"" }, { "dateTime", "\"2019-05-01\"" },
        { "dateTime", "\"2019-05-01T10:00:00Z\"" }, { "dateTime", "\"2019-05-01T10:00:00.123+14:00\"" }, { "instant", "\"2019-05-01T23:59:60-13:59\"" },
    };

    public static TheoryData<string, string> OutsideTheSyntax() => new()
    {
        // Each is something a looser cheap check could take; the full check rejects it, so the validator must report it.
        { "date", "\"2019-02-30\"" }, { "date", "\"2021-02-29\"" }, { "date", "\"0000\"" }, { "date", "\"2019-13\"" }, { "date", "\"2019-5-1\"" },
        { "dateTime", "\"2019-05-01T10:00\"" }, { "dateTime", "\"2019-05-01T10:00:00\"" }, { "dateTime", "\"2019-05-01T24:00:00Z\"" },
        { "dateTime", "\"2019-05-01T10:00:00+14:30\"" }, { "dateTime", "\"2019-05-01T10:00:00.Z\"" }, { "instant", "\"2019-05-01\"" },
        { "id", "\"has space\"" }, { "id", "\"" + new string('a', 65) + "\"" }, { "id", "\"\"" }, { "id", "\"\\u00e9\"" },
        { "code", "\"a  b\"" }, { "code", "\" a\"" }, { "code", "\"a \"" }, { "code", "\"\"" }, { "code", "\"a\\t\\tb\"" },
        { "string", "\"\"" }, { "string", "\"   \"" }, { "string", "\"\\u00a0\"" }, { "string", "\"x\\u000by\"" }, { "string", "\"\\u2028\"" },
        { "uri", "\"a b\"" }, { "uri", "\"http://x/\\u00a0\"" },
        { "integer", "2147483648" }, { "integer", "1.0" }, { "integer", "1e2" }, { "positiveInt", "0" }, { "positiveInt", "-1" }, { "unsignedInt", "-1" },
    };

    [Theory]
    [MemberData(nameof(EverydayValues))]
    public void Accepts_EverydayValue_WithoutTheFullCheck(string type, string json)
    {
        var (kind, definition, value) = Read(type, json);

        Assert.True(PrimitiveSyntax.Accepts(kind, value));
        Assert.True(ValidationRun.IsValidPrimitive(value, definition));
    }

    [Theory]
    [MemberData(nameof(OutsideTheSyntax))]
    public void Accepts_ValueOutsideTheSyntax_LeavesItToTheFullCheck(string type, string json)
    {
        var (kind, definition, value) = Read(type, json);

        Assert.False(PrimitiveSyntax.Accepts(kind, value));
        Assert.False(ValidationRun.IsValidPrimitive(value, definition));
    }

    [Theory]
    [InlineData("\"\\u0061bc\"")] // escaped: the bytes are not the text, so the full check reads it
    [InlineData("\"abc\\n\"")] // .NET's $ matches before a final newline, so the regex admits this; kept as it was
    public void Accepts_EscapedValue_GoesThroughTheFullCheck(string json)
    {
        var (kind, definition, value) = Read("id", json);

        Assert.False(PrimitiveSyntax.Accepts(kind, value));
        Assert.True(ValidationRun.IsValidPrimitive(value, definition));
    }

    [Theory]
    [InlineData("string", 200_000)]
    [InlineData("code", 185)] // the 92 printable ASCII characters JSON writes plain, alone and between letters, and "a b"
    [InlineData("id", 128)] // [A-Za-z0-9.-], alone and between letters
    [InlineData("uri", 184)]
    public void Accepts_EveryCharacter_OnlyWhereTheFullCheckDoes(string type, int fastAtLeast)
    {
        var values = new List<string>();
        for (int c = 1; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                string s = ((char)c).ToString();
                values.AddRange([s, "a" + s + "b", " " + s, s + " "]);
            }
        }

        values.Add("\U0001D11E"); // outside the BMP: a surrogate pair
        int accepted = AssertImplies(type, values.Select(Quote));

        Assert.True(accepted >= fastAtLeast, $"the fast path accepted only {accepted} {type} values");
    }

    [Fact]
    public void Accepts_GeneratedValues_OnlyWhereTheFullCheckDoes()
    {
        var random = new Random(20251204);
        const string Alphabet = "0123456789-:.TZ+ abAZ/_#\u00e9\u00a0";
        var strings = Enumerable.Range(0, 4000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()))
            .Select(Quote)
            .ToList();
        var numbers = Enumerable.Range(0, 2000)
            .Select(_ => random.Next(6) switch
            {
                0 => random.Next().ToString(CultureInfo.InvariantCulture),
                1 => (-random.Next()).ToString(CultureInfo.InvariantCulture),
                2 => ((long)int.MaxValue + random.Next(1, 3)).ToString(CultureInfo.InvariantCulture),
                3 => (random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture),
                4 => random.Next(0, 3).ToString(CultureInfo.InvariantCulture),
                _ => $"{random.Next(1, 9)}e{random.Next(-5, 5)}",
            })
            .ToList();

        foreach (string type in FastTypes)
        {
            AssertImplies(type, type is "boolean" ? ["true", "false"] : type is "integer" or "positiveInt" or "unsignedInt" or "decimal" ? numbers : strings);
        }
    }

    [Fact]
    public void Accepts_DatesOfEveryMonthAndDay_ExactlyWhereTheFullCheckDoes()
    {
        var values = new List<string>();
        foreach (string year in new[] { "0001", "0002", "1900", "2000", "2023", "2024", "2100", "9998", "9999" })
        {
            values.AddRange([year, year + "-1", year + "-01-1"]);
            for (int month = 0; month <= 13; month++)
            {
                string ym = $"{year}-{month:00}";
                values.Add(ym);
                for (int day = 0; day <= 32; day++)
                {
                    string date = $"{ym}-{day:00}";
                    values.AddRange([date, date + "T00:00:00Z", date + "T23:59:60.5-14:00", date + "T12:30:00+13:59", date + "T12:30:00+14:01"]);
                }
            }
        }

        foreach (string type in new[] { "date", "dateTime", "instant" })
        {
            foreach (string text in values)
            {
                var (kind, definition, value) = Read(type, Quote(text));
                bool inRange = text[..4] is not ("0001" or "9999");
                if (inRange)
                {
                    // Within the years it handles, the fast path is the full check.
                    bool fast = PrimitiveSyntax.Accepts(kind, value), full = ValidationRun.IsValidPrimitive(value, definition);
                    Assert.True(fast == full, $"{type} {text}: fast path {fast}, full check {full}");
                }
                else
                {
                    Assert.False(PrimitiveSyntax.Accepts(kind, value), $"{type} {text}");
                }
            }
        }
    }

    [Fact]
    public void Validate_ValueTheFastPathDeclines_IsStillReported()
    {
        var report = ValidatorFixture.Validate(Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", "\"onsetDateTime\": \"2019-02-29T10:00:00Z\""));

        Assert.Equal(["error FHIR-VAL-008 Condition.onsetDateTime"], report.Findings());
    }

    // Asserts, for each value of the right JSON type, that the fast path's acceptance implies the full check's.
    private static int AssertImplies(string type, IEnumerable<string> jsonValues)
    {
        int accepted = 0;
        foreach (string json in jsonValues)
        {
            var (kind, definition, value) = Read(type, json);
            if (PrimitiveSyntax.Accepts(kind, value))
            {
                accepted++;
                Assert.True(ValidationRun.IsValidPrimitive(value, definition), $"{type} {json}: accepted by the fast path, rejected by the full check");
            }
        }

        return accepted;
    }

    // A JSON string written as an EHR might: raw UTF-8, escaping only what JSON requires.
    private static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        foreach (char c in text)
        {
            _ = c is '"' or '\\' || c < ' ' ? json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : json.Append(c);
        }

        return json.Append('"').ToString();
    }

    private static (PrimitiveKind Kind, TypeDefinition Definition, JsonElement Value) Read(string type, string json)
    {
        Assert.True(BaseDefinitions.R4.TryGetType(type, out var definition));
        var value = JsonDocument.Parse(Encoding.UTF8.GetBytes(json)).RootElement;
        return (PrimitiveSyntax.KindOf(type), definition, value);
    }
}
