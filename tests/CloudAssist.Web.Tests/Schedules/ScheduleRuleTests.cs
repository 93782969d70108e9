using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Tests.Schedules;

/// <summary>The pure schedule math: every kind, time zones, and both daylight-saving changes.</summary>
public sealed class ScheduleRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_RateWithoutPreviousRun_OneStepFromNow()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Rate, "", "UTC", 90));

        var next = sut.Next(Now);

        Assert.Equal(Now.AddSeconds(90), next);
    }

    [Fact]
    public void Next_RateAfterLateStart_KeepsStepFromPreviousDueTime()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Rate, "", "UTC", 60));
        var previousDue = Now;

        var next = sut.Next(Now.AddSeconds(150), previousDue);

        Assert.Equal(Now.AddSeconds(180), next);
    }

    [Fact]
    public void Next_RateOfOneDayAcrossSpringForward_TwentyFourRealHours()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Rate, "", "Europe/Berlin", 86400));
        var saturday = new DateTimeOffset(2026, 3, 28, 2, 0, 0, TimeSpan.FromHours(1));

        var next = sut.Next(saturday);

        Assert.Equal(saturday.AddHours(24), next);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 0, 0), WallClock.ToWall(sut.Zone, next!.Value));
    }

    [Fact]
    public void Preview_FiveFieldCronInUtc_EveryFiveMinutes()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "*/5 * * * *", "UTC", null));

        var runs = sut.Preview(Now.AddMinutes(1), 3);

        Assert.Equal([Now.AddMinutes(5), Now.AddMinutes(10), Now.AddMinutes(15)], runs);
    }

    [Fact]
    public void Preview_SixFieldCronWithSeconds_EveryTenSeconds()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "*/10 * * * * *", "UTC", null));

        var runs = sut.Preview(Now.AddSeconds(3), 3);

        Assert.True(sut.Spec.Kind == ScheduleKind.Cron);
        Assert.Equal([Now.AddSeconds(10), Now.AddSeconds(20), Now.AddSeconds(30)], runs);
    }

    [Theory]
    [InlineData("Europe/Berlin", 8)]
    [InlineData("America/New_York", 14)]
    [InlineData("Asia/Kolkata", 3.5)]
    [InlineData("Asia/Tokyo", 0)]
    [InlineData("UTC", 9)]
    public void Next_DailyAtNineInZone_NineOnThatZonesClock(string zone, double utcHour)
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "0 9 * * *", zone, null));

        var next = sut.Next(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));

        var expectedDay = zone == "Asia/Tokyo" ? 16 : 15;
        Assert.Equal(new DateTimeOffset(2026, 1, expectedDay, 0, 0, 0, TimeSpan.Zero).AddHours(utcHour), next);
        Assert.Equal(9, WallClock.ToWall(sut.Zone, next!.Value).Hour);
    }

    [Fact]
    public void Next_WeekdaysAtNineOnFriday_SkipsToMonday()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "0 9 * * 1-5", "Europe/Berlin", null));
        var fridayAfterNine = new DateTimeOffset(2026, 1, 16, 10, 0, 0, TimeSpan.FromHours(1));

        var next = sut.Next(fridayAfterNine);

        Assert.Equal(new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.FromHours(1)), next);
    }

    [Fact]
    public void Next_DayOfMonthAndDayOfWeekBothRestricted_BothMustMatch()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "0 0 13 * 5", "UTC", null));

        var next = sut.Next(Now);

        Assert.Equal(new DateTimeOffset(2026, 2, 13, 0, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(DayOfWeek.Friday, next!.Value.DayOfWeek);
    }

    [Fact]
    public void Next_OnceInZone_ThatInstantThenNothing()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Once, "2026-02-01T08:15", "Asia/Tokyo", null));

        var first = sut.Next(Now);
        var second = sut.Next(first!.Value);

        Assert.Equal(new DateTimeOffset(2026, 2, 1, 8, 15, 0, TimeSpan.FromHours(9)), first);
        Assert.Null(second);
        Assert.Equal("2026-02-01T08:15:00", sut.Spec.Expression);
    }

    [Fact]
    public void Next_RebootKinds_NoClockRun()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.EveryReboot, "", "UTC", null));

        Assert.Null(sut.Next(Now));
        Assert.True(sut.IsRebootDriven);
    }

    // America/New_York springs forward on 2026-03-08: 02:00 EST becomes 03:00 EDT (07:00 UTC).
    [Fact]
    public void Next_TwoThirtyOnSpringForwardDay_RunsOnceWhenTheClockJumps()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "30 2 * * *", "America/New_York", null));
        var saturdayEvening = new DateTimeOffset(2026, 3, 7, 20, 0, 0, TimeSpan.FromHours(-5));

        var runs = sut.Preview(saturdayEvening, 2);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), runs[0]);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 2, 30, 0, TimeSpan.FromHours(-4)), runs[1]);
    }

    [Fact]
    public void Preview_EveryFifteenMinutesOverSpringForward_SkippedHourHasNoRuns()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "*/15 * * * *", "America/New_York", null));
        var before = new DateTimeOffset(2026, 3, 8, 1, 40, 0, TimeSpan.FromHours(-5));

        var runs = sut.Preview(before, 3);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 8, 1, 45, 0, TimeSpan.FromHours(-5)),
                new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)),
                new DateTimeOffset(2026, 3, 8, 3, 15, 0, TimeSpan.FromHours(-4)),
            ],
            runs);
    }

    [Fact]
    public void Next_OnceInSkippedHour_RunsWhenTheClockJumps()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Once, "2026-03-29T02:30:00", "Europe/Berlin", null));

        var next = sut.Next(Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), next);
    }

    // America/New_York falls back on 2026-11-01: 02:00 EDT becomes 01:00 EST (06:00 UTC).
    [Fact]
    public void Next_OneThirtyOnFallBackDay_RunsOnceAtTheFirstOneThirty()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "30 1 * * *", "America/New_York", null));
        var saturdayEvening = new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.FromHours(-4));

        var runs = sut.Preview(saturdayEvening, 2);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)), runs[0]);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.FromHours(-5)), runs[1]);
    }

    [Fact]
    public void Next_OneThirtyAskedDuringTheRepeatedHour_DoesNotRunAgain()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "30 1 * * *", "America/New_York", null));
        var secondOneFifteen = new DateTimeOffset(2026, 11, 1, 1, 15, 0, TimeSpan.FromHours(-5));

        var next = sut.Next(secondOneFifteen);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.FromHours(-5)), next);
    }

    [Fact]
    public void Preview_EveryThirtyMinutesOverFallBack_RunsInBothCopiesOfTheHour()
    {
        var sut = Rule(new ScheduleSpec(ScheduleKind.Cron, "*/30 * * * *", "America/New_York", null));
        var before = new DateTimeOffset(2026, 11, 1, 0, 50, 0, TimeSpan.FromHours(-4));

        var runs = sut.Preview(before, 5);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(-4)),
                new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)),
                new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(-5)),
                new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5)),
                new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.FromHours(-5)),
            ],
            runs);
    }

    [Theory]
    [InlineData("* * *", "has 3")]
    [InlineData("", "Enter a cron expression")]
    [InlineData("61 * * * *", "[Minute]")]
    [InlineData("0 25 * * *", "[Hour]")]
    [InlineData("*/0 * * * *", "minute field '*/0' has a step of 0")]
    [InlineData("0 0 31 2 *", "matches no date")]
    [InlineData("x 0 * * * *", "'x' is not a valid [Second]")]
    public void Parse_InvalidCron_SaysWhatIsWrong(string expression, string expected)
    {
        var (rule, errors) = ScheduleRule.Parse(new ScheduleSpec(ScheduleKind.Cron, expression, "UTC", null));

        Assert.Null(rule);
        Assert.Contains(expected, Assert.Single(errors["cron"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScheduleKind.Rate, "", "UTC", 0, "every")]
    [InlineData(ScheduleKind.Rate, "", "UTC", 31536001, "every")]
    [InlineData(ScheduleKind.Once, "tomorrow", "UTC", null, "runAt")]
    [InlineData(ScheduleKind.Cron, "* * * * *", "Mars/Olympus", null, "timeZone")]
    [InlineData(ScheduleKind.Cron, "* * * * *", "Pacific Standard Time", null, "timeZone")]
    public void Parse_InvalidField_ErrorKeyedByThatField(ScheduleKind kind, string expression, string zone, int? rate, string field)
    {
        var (rule, errors) = ScheduleRule.Parse(new ScheduleSpec(kind, expression, zone, rate));

        Assert.Null(rule);
        Assert.Equal([field], errors.Keys);
    }

    private static ScheduleRule Rule(ScheduleSpec spec)
    {
        var (rule, errors) = ScheduleRule.Parse(spec);
        Assert.Empty(errors);
        return rule!;
    }
}
