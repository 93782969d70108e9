using System.Net;
using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CloudAssist.Web.Tests.Api;

/// <summary>/api/v1/schedules on real Kestrel, with a hand-driven agent as the target.</summary>
public sealed class ScheduleApiTests : IClassFixture<ScheduleApiTests.Fixture>
{
    private readonly Fixture _fixture;

    public ScheduleApiTests(Fixture fixture) => _fixture = fixture;

    private CloudAssistServer Server => _fixture.Server;

    [Fact]
    public async Task Create_InvalidCron_ValidationProblemSaysWhatToFix()
    {
        var request = Cron("0 25 * * *") with { TimeZone = "Mars/Olympus" };

        var response = await Server.Api.PostAsJsonAsync("/api/v1/schedules", request, CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("[Hour]", problem!.Errors["cron"][0], StringComparison.Ordinal);
        Assert.Contains("IANA", problem.Errors["timeZone"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OnceInThePast_ValidationProblemOnRunAt()
    {
        var request = new SaveScheduleRequest
        {
            Kind = ScheduleKind.Once, RunAt = "2020-01-01T00:00", Content = "true", InstanceIds = [_fixture.Agent.InstanceId],
        };

        var response = await Server.Api.PostAsJsonAsync("/api/v1/schedules", request, CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("in the past", problem!.Errors["runAt"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_CreatePauseResumeEditDelete_EachStepAnswersTheSchedule()
    {
        var created = await Server.CreateScheduleAsync(Cron("0 2 * * *") with { TimeZone = "Europe/Berlin" });

        var paused = await PostForScheduleAsync($"/api/v1/schedules/{created.Id}/pause");
        var resumed = await PostForScheduleAsync($"/api/v1/schedules/{created.Id}/resume");
        var edited = await Server.Api.PutAsJsonAsync(
            $"/api/v1/schedules/{created.Id}",
            Cron("0 2 * * *") with { Kind = ScheduleKind.Rate, Every = 90, Unit = RateUnit.Minutes },
            CloudAssistServer.Json);
        var afterEdit = await Server.GetScheduleAsync(created.Id);
        var deleted = await Server.Api.DeleteAsync($"/api/v1/schedules/{created.Id}");
        var gone = await Server.Api.GetAsync($"/api/v1/schedules/{created.Id}");

        Assert.StartsWith("sch-", created.Id, StringComparison.Ordinal);
        Assert.Equal("cron 0 2 * * * (Europe/Berlin)", created.Description);
        Assert.NotNull(created.NextRunAt);
        Assert.Equal((false, null), (paused.Enabled, paused.NextRunAt));
        Assert.True(resumed.Enabled);
        Assert.Equal(created.NextRunAt, resumed.NextRunAt);
        edited.EnsureSuccessStatusCode();
        Assert.Equal((ScheduleKind.Rate, 90, RateUnit.Minutes, "every 90 minutes"),
            (afterEdit.Kind, afterEdit.Every, afterEdit.Unit, afterEdit.Description));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Preview_WeekdaysAtNine_FiveRunsOnWeekdays()
    {
        var response = await Server.Api.PostAsJsonAsync(
            "/api/v1/schedules/preview", Cron("0 9 * * 1-5") with { TimeZone = "Asia/Tokyo" }, CloudAssistServer.Json);

        response.EnsureSuccessStatusCode();
        var runs = (await response.Content.ReadFromJsonAsync<List<DateTimeOffset>>(CloudAssistServer.Json))!;
        Assert.Equal(5, runs.Count);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        Assert.All(runs, r => Assert.Equal(9, TimeZoneInfo.ConvertTime(r, tokyo).Hour));
        Assert.All(runs, r => Assert.NotEqual(DayOfWeek.Sunday, TimeZoneInfo.ConvertTime(r, tokyo).DayOfWeek));
    }

    [Fact]
    public async Task Runs_UnknownSchedule_NotFoundProblem()
    {
        var response = await Server.Api.GetAsync("/api/v1/schedules/sch-missing/runs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("No schedule has the id 'sch-missing'.", problem!.Detail);
    }

    private SaveScheduleRequest Cron(string expression) => new()
    {
        Kind = ScheduleKind.Cron, Cron = expression, Content = "date", InstanceIds = [_fixture.Agent.InstanceId],
    };

    private async Task<ScheduleView> PostForScheduleAsync(string path)
    {
        var response = await Server.Api.PostAsync(path, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ScheduleView>(CloudAssistServer.Json))!;
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public CloudAssistServer Server { get; } = new();

        public RawAgent Agent { get; private set; } = null!;

        public async Task InitializeAsync() => Agent = await RawAgent.RegisterAsync(Server);

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }
}
