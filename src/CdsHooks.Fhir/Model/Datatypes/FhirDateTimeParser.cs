namespace CdsHooks.Fhir.Model;

/// <summary>Allocation-free parser for the FHIR R4 date/dateTime/instant grammar.</summary>
internal static class FhirDateTimeParser
{
    public static bool TryParse(string s, out FhirDateTime value)
    {
        value = default;
        var span = s.AsSpan();
        if (span.Length < 4 || !TryDigits(span, 0, 4, out var year) || year < 1)
        {
            return false;
        }

        var zero = TimeSpan.Zero;
        if (span.Length == 4)
        {
            var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, zero);
            value = FhirDateTime.Create(s, FhirDatePrecision.Year, start, SafeAdd(start, static d => d.AddYears(1)), false);
            return true;
        }

        if (span.Length < 7 || span[4] != '-' || !TryDigits(span, 5, 2, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (span.Length == 7)
        {
            var start = new DateTimeOffset(year, month, 1, 0, 0, 0, zero);
            value = FhirDateTime.Create(s, FhirDatePrecision.Month, start, SafeAdd(start, static d => d.AddMonths(1)), false);
            return true;
        }

        if (span.Length < 10 || span[7] != '-' || !TryDigits(span, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (span.Length == 10)
        {
            var start = new DateTimeOffset(year, month, day, 0, 0, 0, zero);
            value = FhirDateTime.Create(s, FhirDatePrecision.Day, start, SafeAdd(start, static d => d.AddDays(1)), false);
            return true;
        }

        return TryParseTime(s, span, year, month, day, out value);
    }

    private static bool TryParseTime(string s, ReadOnlySpan<char> span, int year, int month, int day, out FhirDateTime value)
    {
        value = default;

        // hh:mm:ss is required by FHIR; fractional seconds are optional and of any length.
        if (span.Length < 19 || span[10] != 'T' || span[13] != ':' || span[16] != ':'
            || !TryDigits(span, 11, 2, out var hour) || hour > 23
            || !TryDigits(span, 14, 2, out var minute) || minute > 59
            || !TryDigits(span, 17, 2, out var second) || second > 60)
        {
            return false;
        }

        var pos = 19;
        long fractionTicks = 0;
        long unitTicks = TimeSpan.TicksPerSecond;
        if (pos < span.Length && span[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < span.Length && char.IsAsciiDigit(span[pos]))
            {
                if (digits < 7)
                {
                    unitTicks /= 10;
                    fractionTicks += (span[pos] - '0') * unitTicks;
                }

                digits++;
                pos++;
            }

            if (digits == 0)
            {
                return false;
            }

            unitTicks = Math.Max(unitTicks, 1);
        }

        if (!TryParseOffset(span[pos..], out var offset, out var hasOffset))
        {
            return false;
        }

        // A leap second (ss = 60) denotes the instant just after ss = 59.
        var leap = second == 60 ? 1 : 0;
        var local = new DateTime(year, month, day, hour, minute, second - leap, DateTimeKind.Unspecified)
            .AddTicks(fractionTicks + (leap * TimeSpan.TicksPerSecond));
        if (local.Ticks - offset.Ticks < DateTime.MinValue.Ticks || local.Ticks - offset.Ticks > DateTime.MaxValue.Ticks - unitTicks)
        {
            return false;
        }

        var lower = new DateTimeOffset(local, offset);
        value = FhirDateTime.Create(s, FhirDatePrecision.DateTime, lower, lower.AddTicks(unitTicks), hasOffset);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> rest, out TimeSpan offset, out bool hasOffset)
    {
        offset = TimeSpan.Zero;
        hasOffset = rest.Length > 0;
        if (rest.Length == 0)
        {
            return true;
        }

        if (rest is "Z")
        {
            return true;
        }

        if (rest.Length != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':'
            || !TryDigits(rest, 1, 2, out var hours) || !TryDigits(rest, 4, 2, out var minutes)
            || minutes > 59 || hours > 14 || (hours == 14 && minutes != 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (rest[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> span, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = span[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    // The year 9999 has no exclusive end inside DateTimeOffset's range; clamp to its maximum.
    private static DateTimeOffset SafeAdd(DateTimeOffset start, Func<DateTimeOffset, DateTimeOffset> add)
    {
        try
        {
            return add(start);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateTimeOffset.MaxValue;
        }
    }
}
