using System.Globalization;
using CloudAssist.Web.Components.Shared;

namespace CloudAssist.Console.Tests.Shared;

public sealed class TimeTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "0 s ago")]
    [InlineData(12, "12 s ago")]
    [InlineData(59.9, "59 s ago")]
    [InlineData(60, "1 min ago")]
    [InlineData(59 * 60 + 59, "59 min ago")]
    [InlineData(60 * 60, "1 h ago")]
    [InlineData(24 * 60 * 60 - 1, "23 h ago")]
    [InlineData(24 * 60 * 60, "1 d ago")]
    [InlineData(49 * 60 * 60, "2 d ago")]
    public void Ago_Elapsed_UsesTheLargestWholeUnit(double secondsAgo, string expected)
    {
        var text = TimeText.Ago(Now.AddSeconds(-secondsAgo), Now);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Ago_TimeInTheFuture_SaysZeroSeconds()
    {
        var text = TimeText.Ago(Now.AddSeconds(5), Now);

        Assert.Equal("0 s ago", text);
    }

    [Theory]
    [InlineData(2.5, "2.5 s")]
    [InlineData(0, "0.0 s")]
    [InlineData(60, "1 min 0 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(3725, "62 min 5 s")]
    public void Duration_Ended_IsSecondsUnderAMinuteElseMinutesAndSeconds(double seconds, string expected)
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var text = TimeText.Duration(Now, Now.AddSeconds(seconds));

            Assert.Equal(expected, text);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Duration_NotEnded_IsEmpty()
    {
        var text = TimeText.Duration(Now, null);

        Assert.Equal("", text);
    }

    [Fact]
    public void Duration_NotStarted_IsEmpty()
    {
        var text = TimeText.Duration(null, Now);

        Assert.Equal("", text);
    }

    [Fact]
    public void Utc_TimeWithOffset_IsWrittenInUtcToTheSecond()
    {
        var text = TimeText.Utc(new DateTimeOffset(2026, 1, 15, 13, 0, 5, 999, TimeSpan.FromHours(1)));

        Assert.Equal("2026-01-15 12:00:05 UTC", text);
    }

    [Fact]
    public void Utc_NoTime_IsEmpty()
    {
        var text = TimeText.Utc(null);

        Assert.Equal("", text);
    }
}
