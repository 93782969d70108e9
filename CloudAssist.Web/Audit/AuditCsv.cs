using System.Globalization;
using System.Text;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Audit;

/// <summary>
/// Writes audit entries as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break
/// in double quotes, quotes doubled). A field that a spreadsheet would read as a formula (leading
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading apostrophe.
/// </summary>
public static class AuditCsv
{
    /// <summary>The most rows one export holds: the newest that match. Narrow the time range for older ones.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The header line, with its line end.</summary>
    public const string Header =
        "id,at,actor,action,target_kind,target_id,summary,details_json,source_address\r\n";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>One entry as a CSV line, with its line end.</summary>
    public static string Row(AuditEntry entry)
    {
        var fields = new[]
        {
            entry.Id.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.TargetKind,
            entry.TargetId,
            entry.Summary,
            entry.DetailsJson,
            entry.SourceAddress,
        };
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            line.Append(i == 0 ? "" : ",").Append(Field(fields[i]));
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>One value, neutralised against formulas and quoted when it must be.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny(NeedsQuotes) < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
