using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CloudAssist.Web.Tests.Protocol;

public sealed class DeregistrationTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task Deregister_WhilePollIsHeld_PollAnsweredUnauthorizedAtOnce()
    {
        var agent = await RawAgent.RegisterAsync(server, "held");
        var clock = Stopwatch.StartNew();
        var held = agent.PollRawAsync();
        await agent.WaitUntilHeldAsync();

        (await server.Api.DeleteAsync($"/api/v1/instances/{agent.InstanceId}")).EnsureSuccessStatusCode();
        var answer = await held;

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("deregistered", (await answer.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Answered after {clock.Elapsed}; the hold is 20 s.");
    }

    [Fact]
    public async Task Deregister_RunningTask_EndsInstanceOfflineAndLaterReportsAreUnauthorized()
    {
        var agent = await RawAgent.RegisterAsync(server, "reporting");
        var invocation = await server.InvokeAsync("echo mine", [agent.InstanceId]);
        var task = (await agent.PollAsync()).Tasks.Single();
        (await agent.PostAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow)))
            .EnsureSuccessStatusCode();
        (await server.Api.DeleteAsync($"/api/v1/instances/{agent.InstanceId}")).EnsureSuccessStatusCode();

        var output = await agent.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(0, [65]));
        var finished = await agent.PostAsync(
            AgentRoutes.Finished(task.TaskId),
            new TaskFinishedReport(TaskOutcome.Exited, 0, null, null, DateTimeOffset.UtcNow, 0));
        var started = await agent.PostAsync(
            AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow));

        foreach (var refused in new[] { output, finished, started })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("deregistered", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }

        var stored = (await server.GetInvocationAsync(invocation.Id)).Tasks[0];
        Assert.Equal(InvocationTaskStatus.Error, stored.Status);
        Assert.Equal(ErrorCodes.InstanceOffline, stored.ErrorCode);
        Assert.Equal(0, stored.OutputReceived);
    }
}
