using AngleSharp.Dom;
using Bunit;
using CloudAssist.Data.Records;
using CloudAssist.Web.Components.Schedules;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Tests.Components;

public sealed class ScheduleEditorTests : ComponentTestContext
{
    [Fact]
    public void Render_InvalidCron_SaysWhatIsWrongAndShowsNoRuns()
    {
        var draft = new ScheduleDraft { Cron = "61 * * * *" };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        Assert.Contains("61 is higher than the maximum allowable value for the [Minute] field", Error(sut));
        Assert.Empty(sut.FindAll("[data-testid=schedule-preview]"));
        Assert.False(sut.Instance.IsValid);
    }

    [Fact]
    public void Input_TypingFieldByField_MessageFollowsEachKeystroke()
    {
        var draft = new ScheduleDraft { Cron = "" };
        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));
        var input = sut.Find(".cron-expression input");

        input.Input("0 9");
        var tooFew = Error(sut);
        input.Input("0 9 * * 1-7");
        var badDay = Error(sut);
        input.Input("0 9 * * 1-5");

        Assert.Contains("this one has 2", tooFew);
        Assert.Contains("[DayOfWeek]", badDay);
        Assert.Empty(sut.FindAll("[data-testid=schedule-error]"));
        Assert.Equal(5, PreviewRows(sut).Count);
        Assert.Equal("0 9 * * 1-5", draft.Cron);
    }

    [Fact]
    public void Render_CronInBerlinWithBrowserInNewYork_ShowsNextFiveRunsInBothZones()
    {
        JSInterop.SetupModule(ScheduleEditor.ModulePath).Setup<string?>("browserTimeZone").SetResult("America/New_York");
        var draft = new ScheduleDraft { Cron = "0 9 * * *", TimeZone = "Europe/Berlin" };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        sut.WaitForAssertion(() => Assert.Contains("America/New_York", sut.Find("[data-testid=schedule-preview] thead").TextContent));
        var rows = PreviewRows(sut);
        Assert.Equal(5, rows.Count);
        Assert.Equal(("Fri 2026-01-16 09:00:00 UTC+01:00", "Fri 2026-01-16 03:00:00 UTC-05:00"), rows[0]);
        Assert.Equal(("Tue 2026-01-20 09:00:00 UTC+01:00", "Tue 2026-01-20 03:00:00 UTC-05:00"), rows[4]);
    }

    [Fact]
    public void Render_BrowserGivesNoZone_ShowsBrowserColumnInUtc()
    {
        var draft = new ScheduleDraft { Cron = "30 2 * * *", TimeZone = "Asia/Tokyo" };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        Assert.Contains("In your browser (UTC)", sut.Find("[data-testid=schedule-preview] thead").TextContent);
        Assert.Equal(("Fri 2026-01-16 02:30:00 UTC+09:00", "Thu 2026-01-15 17:30:00 UTC+00:00"), PreviewRows(sut)[0]);
    }

    [Fact]
    public void Click_WeekdaysPreset_SetsExpressionAndPreviewSkipsTheWeekend()
    {
        ScheduleDraft? raised = null;
        var draft = new ScheduleDraft { Cron = "bad" };
        var sut = Render<ScheduleEditor>(p => p
            .Add(e => e.Value, draft)
            .Add(e => e.ValueChanged, (ScheduleDraft d) => raised = d));

        sut.Find("button[data-preset='0 9 * * 1-5']").Click();

        Assert.Equal("0 9 * * 1-5", draft.Cron);
        Assert.Same(draft, raised);
        var days = PreviewRows(sut).Select(r => r.Zone[..3]).ToList();
        Assert.Equal(["Fri", "Mon", "Tue", "Wed", "Thu"], days);
    }

    [Fact]
    public void Render_RateOfNinetySeconds_PreviewCountsFromNow()
    {
        var draft = new ScheduleDraft { Kind = ScheduleKind.Rate, Every = 90, Unit = RateUnit.Seconds };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        Assert.Equal("Thu 2026-01-15 12:01:30 UTC+00:00", PreviewRows(sut)[0].Zone);
        Assert.Equal("Thu 2026-01-15 12:07:30 UTC+00:00", PreviewRows(sut)[4].Zone);
    }

    [Fact]
    public void Render_OnceAtATimeThatHasPassed_SaysSo()
    {
        var draft = new ScheduleDraft { Kind = ScheduleKind.Once, RunAt = "2026-01-15T11:00", TimeZone = "UTC" };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        Assert.Contains("2026-01-15 11:00:00 in UTC has passed", Error(sut));
    }

    [Fact]
    public void Render_OnceInSpringForwardGap_PreviewShowsTheJump()
    {
        var draft = new ScheduleDraft { Kind = ScheduleKind.Once, RunAt = "2026-03-29T02:30", TimeZone = "Europe/Berlin" };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        var row = Assert.Single(PreviewRows(sut));
        Assert.Equal("Sun 2026-03-29 03:00:00 UTC+02:00", row.Zone);
    }

    [Fact]
    public void Render_UnknownTimeZone_NamesTheField()
    {
        var draft = new ScheduleDraft { Cron = "0 2 * * *", TimeZone = "Europe/Atlantis" };

        var sut = Render<ScheduleEditor>(p => p.Add(e => e.Value, draft));

        Assert.Contains("'Europe/Atlantis' is not a known IANA time zone", Error(sut));
    }

    private static string Error(IRenderedComponent<ScheduleEditor> sut) => sut.Find("[data-testid=schedule-error]").TextContent;

    private static List<(string Zone, string Browser)> PreviewRows(IRenderedComponent<ScheduleEditor> sut) =>
        sut.FindAll("[data-testid=schedule-preview] tbody tr")
            .Select(row => (Cell(row, ".zone-time"), Cell(row, ".browser-time")))
            .ToList();

    private static string Cell(IElement row, string selector) => row.QuerySelector(selector)!.TextContent.Trim();
}
