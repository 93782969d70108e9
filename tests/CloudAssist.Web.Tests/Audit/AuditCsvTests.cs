using CloudAssist.Web.Audit;

namespace CloudAssist.Web.Tests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData(null, "")]
    public void Field_Value_QuotedAndNeutralisedAsNeeded(string? value, string expected)
    {
        var field = AuditCsv.Field(value);

        Assert.Equal(expected, field);
    }
}
