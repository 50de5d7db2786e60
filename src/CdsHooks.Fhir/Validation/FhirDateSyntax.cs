namespace CdsHooks.Fhir.Validation;

/// <summary>
/// The specification's date, dateTime and instant regexes as a parser over UTF-8, with the calendar check the
/// validator adds (no 31 February). Accepts only years 2 to 9998, where a value that matches the regex and exists in
/// the calendar is one <c>FhirDateTime.TryParse</c> reads; the rest goes through the full check.
/// </summary>
internal static class FhirDateSyntax
{
    /// <summary>Which of the three grammars.</summary>
    internal enum Form
    {
        /// <summary>YYYY, YYYY-MM or YYYY-MM-DD.</summary>
        Date,

        /// <summary>A date, or YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm).</summary>
        DateTime,

        /// <summary>YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm) only.</summary>
        Instant,
    }

    public static bool Accepts(ReadOnlySpan<byte> text, Form form)
    {
        // Year: four digits, not 0000; the calendar range limits this fast path to 0002-9998.
        if (text.Length < 4 || !Number(text, 0, 4, out int year) || year is < 2 or > 9998)
        {
            return false;
        }

        if (text.Length == 4 || text.Length == 7)
        {
            return form != Form.Instant && (text.Length == 4 || Month(text, out _));
        }

        if (text.Length < 10 || !Month(text, out int month) || text[7] != '-' || !Number(text, 8, 2, out int day)
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (text.Length == 10)
        {
            return form != Form.Instant;
        }

        return form != Form.Date && Time(text[10..]);
    }

    // -MM with MM 01-12.
    private static bool Month(ReadOnlySpan<byte> text, out int month)
    {
        month = 0;
        return text[4] == '-' && Number(text, 5, 2, out month) && month is >= 1 and <= 12;
    }

    // Thh:mm:ss(.s+)?(Z|(+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)), hh 00-23, mm 00-59, ss 00-60.
    private static bool Time(ReadOnlySpan<byte> time)
    {
        if (time.Length < 10 || time[0] != 'T' || time[3] != ':' || time[6] != ':'
            || !Number(time, 1, 2, out int hour) || hour > 23
            || !Number(time, 4, 2, out int minute) || minute > 59
            || !Number(time, 7, 2, out int second) || second > 60)
        {
            return false;
        }

        var rest = time[9..];
        if (rest[0] == '.')
        {
            int digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        if (rest.Length == 1)
        {
            return rest[0] == 'Z';
        }

        return rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':'
            && Number(rest, 1, 2, out int hours) && Number(rest, 4, 2, out int minutes)
            && (hours <= 13 ? minutes <= 59 : hours == 14 && minutes == 0);
    }

    private static bool Number(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (text.Length < start + count)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit((char)text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
