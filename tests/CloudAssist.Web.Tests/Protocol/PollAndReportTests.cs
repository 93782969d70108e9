using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc;

namespace CloudAssist.Web.Tests.Protocol;

public sealed class PollAndReportTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task Poll_WorkQueuedWhileHeld_AnswersAtOnceNotAtHoldEnd()
    {
        var agent = await RawAgent.RegisterAsync(server);
        var clock = Stopwatch.StartNew();
        var held = agent.PollAsync();
        await agent.WaitUntilHeldAsync();

        var invocation = await server.InvokeAsync("echo hi", [agent.InstanceId]);
        var answer = await held;

        Assert.Single(answer.Tasks);
        Assert.Equal(invocation.Id, answer.Tasks[0].InvocationId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The held poll answered after {clock.Elapsed}; the hold is 20 s.");
    }

    [Fact]
    public async Task Reports_FullLifecycleWithRetries_StoredOnceAndSucceeds()
    {
        var agent = await RawAgent.RegisterAsync(server);
        var invocation = await server.InvokeAsync("echo hi", [agent.InstanceId]);
        var task = (await agent.PollAsync()).Tasks.Single();
        var started = new TaskStartedReport(DateTimeOffset.UtcNow);
        var first = new OutputChunkReport(0, Encoding.UTF8.GetBytes("hello "));
        var overlapping = new OutputChunkReport(3, Encoding.UTF8.GetBytes("lo world\n"));
        var finished = new TaskFinishedReport(TaskOutcome.Exited, 0, null, null, DateTimeOffset.UtcNow, 12);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            (await agent.PostAsync(AgentRoutes.Started(task.TaskId), started)).EnsureSuccessStatusCode();
            (await agent.PostAsync(AgentRoutes.Output(task.TaskId), first)).EnsureSuccessStatusCode();
            (await agent.PostAsync(AgentRoutes.Output(task.TaskId), overlapping)).EnsureSuccessStatusCode();
            (await agent.PostAsync(AgentRoutes.Finished(task.TaskId), finished)).EnsureSuccessStatusCode();
        }

        var details = await server.GetInvocationAsync(invocation.Id);
        Assert.Equal(InvocationStatus.Success, details.Invocation.Status);
        Assert.Equal(0, details.Tasks[0].ExitCode);
        Assert.Equal("hello world\n", (await server.GetOutputAsync(invocation.Id, task.TaskId)).Text);
    }

    [Fact]
    public async Task Output_ChunkPastTheEnd_ConflictWithNextOffset()
    {
        var agent = await RawAgent.RegisterAsync(server);
        await server.InvokeAsync("echo hi", [agent.InstanceId]);
        var task = (await agent.PollAsync()).Tasks.Single();
        await agent.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(0, [1, 2, 3]));

        var response = await agent.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(10, [4]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("3", body!["nextOffset"].ToString());
    }

    [Fact]
    public async Task Finished_BeforeAllOutput_ConflictAndTaskStaysRunning()
    {
        var agent = await RawAgent.RegisterAsync(server);
        var invocation = await server.InvokeAsync("echo hi", [agent.InstanceId]);
        var task = (await agent.PollAsync()).Tasks.Single();
        await agent.PostAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow));

        var response = await agent.PostAsync(
            AgentRoutes.Finished(task.TaskId), new TaskFinishedReport(TaskOutcome.Exited, 0, null, null, DateTimeOffset.UtcNow, 50));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(InvocationTaskStatus.Running, (await server.GetInvocationAsync(invocation.Id)).Tasks[0].Status);
    }

    [Fact]
    public async Task Reports_OnAnotherInstancesTask_NotFoundAndNothingChanges()
    {
        var (_, intruder, invocation, task) = await DeliverToOwnerAsync("owner", "intruder");

        var intruderPoll = await intruder.PollAsync();
        var started = await intruder.PostAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow));
        var output = await intruder.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(0, [65]));
        var finished = await intruder.PostAsync(
            AgentRoutes.Finished(task.TaskId), new TaskFinishedReport(TaskOutcome.Exited, 1, null, null, DateTimeOffset.UtcNow, 0));

        Assert.Empty(intruderPoll.Tasks);
        Assert.All(new[] { started, output, finished }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var stored = (await server.GetInvocationAsync(invocation.Id)).Tasks[0];
        Assert.Equal(InvocationTaskStatus.Pending, stored.Status);
        Assert.Equal(0, stored.OutputReceived);
    }

    [Fact]
    public async Task Reports_OnAnotherInstancesRunningTask_NotFoundAndItsOutputAndStatusKept()
    {
        var (owner, intruder, invocation, task) = await DeliverToOwnerAsync("runner", "snooper");
        (await owner.PostAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow)))
            .EnsureSuccessStatusCode();
        (await owner.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(0, "mine\n"u8.ToArray())))
            .EnsureSuccessStatusCode();

        var output = await intruder.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(5, [65]));
        var finished = await intruder.PostAsync(
            AgentRoutes.Finished(task.TaskId),
            new TaskFinishedReport(TaskOutcome.Exited, 0, null, null, DateTimeOffset.UtcNow, 5));

        Assert.All(new[] { output, finished }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var stored = (await server.GetInvocationAsync(invocation.Id)).Tasks[0];
        Assert.Equal(InvocationTaskStatus.Running, stored.Status);
        Assert.Equal("mine\n", (await server.GetOutputAsync(invocation.Id, task.TaskId)).Text);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"offset\": \"abc\", \"data\": \"AA==\"}")]
    [InlineData("{\"offset\": 0, \"data\": \"not base64!\"}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Output_MalformedBody_BadRequestProblemAndStoredOutputKept(string body)
    {
        var agent = await RawAgent.RegisterAsync(server);
        var invocation = await server.InvokeAsync("echo hi", [agent.InstanceId]);
        var task = (await agent.PollAsync()).Tasks.Single();
        await agent.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(0, Encoding.UTF8.GetBytes("kept")));

        var response = await agent.PostRawAsync(AgentRoutes.Output(task.TaskId), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.False(string.IsNullOrWhiteSpace(problem!.Detail ?? problem.Title));
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        Assert.Equal("kept", (await server.GetOutputAsync(invocation.Id, task.TaskId)).Text);
    }

    [Fact]
    public async Task Poll_OversizedBody_RequestTooLargeProblem()
    {
        var agent = await RawAgent.RegisterAsync(server);
        var huge = "{\"bootId\":\"" + new string('x', (int)ProtocolLimits.MaxRequestBytes + 10) + "\"}";

        var response = await agent.PostRawAsync(AgentRoutes.Poll, huge, expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stop_RunningTask_DeliveredThroughPollThenTerminated()
    {
        var agent = await RawAgent.RegisterAsync(server);
        var invocation = await server.InvokeAsync("sleep 600", [agent.InstanceId]);
        var task = (await agent.PollAsync()).Tasks.Single();
        await agent.PostAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow));

        (await server.Api.PostAsync($"/api/v1/invocations/{invocation.Id}/stop", null)).EnsureSuccessStatusCode();
        var stopping = await server.GetInvocationAsync(invocation.Id);
        var poll = await agent.PollAsync(0);
        await agent.PostAsync(
            AgentRoutes.Finished(task.TaskId), new TaskFinishedReport(TaskOutcome.Terminated, 137, null, null, DateTimeOffset.UtcNow, 0));

        Assert.Equal(InvocationStatus.Stopping, stopping.Invocation.Status);
        Assert.Equal([task.TaskId], poll.Stops);
        var stopped = await server.GetInvocationAsync(invocation.Id);
        Assert.Equal(InvocationStatus.Stopped, stopped.Invocation.Status);
        Assert.Equal(InvocationTaskStatus.Terminated, stopped.Tasks[0].Status);
    }

    /// <summary>Two agents, and a task of the first one's delivered to it.</summary>
    private async Task<(RawAgent Owner, RawAgent Intruder, InvocationRecord Invocation, TaskAssignment Task)>
        DeliverToOwnerAsync(string ownerName, string intruderName)
    {
        var owner = await RawAgent.RegisterAsync(server, ownerName);
        var intruder = await RawAgent.RegisterAsync(server, intruderName);
        var invocation = await server.InvokeAsync("echo mine", [owner.InstanceId]);
        return (owner, intruder, invocation, (await owner.PollAsync()).Tasks.Single());
    }
}
