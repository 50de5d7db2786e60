using System.Text.Unicode;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// Whether a JSON body is Unicode text throughout: valid UTF-8, and no <c>\uXXXX</c> escape that leaves half a
/// surrogate pair (RFC 7493, I-JSON). The parser accepts both; reading such a string later throws, deep in code that
/// cannot say which request was at fault, so the body is refused at the door with a 400.
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>Finds the first problem, or null when the body is clean.</summary>
    /// <param name="utf8">The body.</param>
    /// <returns>A description without body content, or null.</returns>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return "The request body is not valid UTF-8.";
        }

        return HasLoneSurrogateEscape(utf8) ? "The request body has a \\u escape that leaves half of a UTF-16 surrogate pair (not Unicode text)." : null;
    }

    private static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> utf8)
    {
        int searchFrom = 0;
        while (true)
        {
            int found = utf8[searchFrom..].IndexOf("\\u"u8);
            if (found < 0)
            {
                return false;
            }

            int at = searchFrom + found;
            searchFrom = at + 2;
            if (!IsEscapeStart(utf8, at) || !TryHex4(utf8, at + 2, out int unit))
            {
                continue;
            }

            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true; // a low half with no high half before it (a valid pair's low half is skipped below)
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                bool paired = utf8.Length >= at + 12 && utf8[at + 6] == (byte)'\\' && utf8[at + 7] == (byte)'u'
                    && TryHex4(utf8, at + 8, out int low) && low is >= 0xDC00 and <= 0xDFFF;
                if (!paired)
                {
                    return true;
                }

                searchFrom = at + 12;
            }
        }
    }

    // A backslash starts an escape when an even number of backslashes precede it ("\\u" is a backslash, then 'u').
    private static bool IsEscapeStart(ReadOnlySpan<byte> utf8, int at)
    {
        int run = 0;
        for (int i = at - 1; i >= 0 && utf8[i] == (byte)'\\'; i--)
        {
            run++;
        }

        return run % 2 == 0;
    }

    private static bool TryHex4(ReadOnlySpan<byte> utf8, int at, out int value)
    {
        value = 0;
        if (at + 4 > utf8.Length)
        {
            return false;
        }

        for (int i = at; i < at + 4; i++)
        {
            int digit = utf8[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => utf8[i] - '0',
                >= (byte)'a' and <= (byte)'f' => utf8[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => utf8[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
