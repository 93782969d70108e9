using System.Diagnostics;
using CloudAssist.Data.Records;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>The real app with two real agent processes running real scripts.</summary>
public sealed class AgentEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly CloudAssistServer _server = new(new Dictionary<string, string?> { ["Output:MaxBytesPerTask"] = "1048576" });
    private AgentProcess _alpha = null!;
    private AgentProcess _beta = null!;

    public async Task InitializeAsync()
    {
        _alpha = await AgentProcess.StartAsync(_server, "alpha");
        _beta = await AgentProcess.StartAsync(_server, "beta");
    }

    public async Task DisposeAsync()
    {
        await _alpha.DisposeAsync();
        await _beta.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task Invoke_OnTwoAgents_BothSucceedWithTheirOutput()
    {
        Assert.NotEqual(_alpha.InstanceId, _beta.InstanceId);

        var invocation = await _server.InvokeAsync("hostname; id -un; echo $((6*7))", [_alpha.InstanceId, _beta.InstanceId]);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationStatus.Success, done.Invocation.Status);
        var expected = $"{Environment.MachineName}\n{Environment.UserName}\n42\n";
        foreach (var task in done.Tasks)
        {
            Assert.Equal(InvocationTaskStatus.Success, task.Status);
            Assert.Equal(0, task.ExitCode);
            Assert.Equal(expected, (await _server.GetOutputAsync(invocation.Id, task.Id)).Text);
        }
    }

    [Fact]
    public async Task Invoke_ExitThree_FailedWithExitCodeThree()
    {
        var invocation = await _server.InvokeAsync("echo before; exit 3", [_alpha.InstanceId]);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationStatus.Failed, done.Invocation.Status);
        Assert.Equal(InvocationTaskStatus.Failed, done.Tasks[0].Status);
        Assert.Equal(3, done.Tasks[0].ExitCode);
    }

    [Fact]
    public async Task Invoke_SleepPastTimeout_TimeoutAndNoProcessLeft()
    {
        var marker = "30.4" + Random.Shared.Next(100, 999);
        var clock = Stopwatch.StartNew();

        var invocation = await _server.InvokeAsync($"sleep {marker} & sleep {marker}", [_alpha.InstanceId], timeoutSeconds: 2);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Timeout, done.Tasks[0].Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"Timeout took {clock.Elapsed}.");
        Assert.Empty(ProcessList.WithArgument(marker));
    }

    [Fact]
    public async Task Invoke_FiveMegabytes_KeptUpToCapWithDroppedCount()
    {
        const long total = 5 * 1024 * 1024;
        var script = "head -c 5242880 /dev/zero | tr '\\0' 'a'";

        var invocation = await _server.InvokeAsync(script, [_beta.InstanceId]);
        var done = await _server.WaitForFinalAsync(invocation.Id, TimeSpan.FromSeconds(60));
        var output = await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id);

        Assert.Equal(InvocationTaskStatus.Success, done.Tasks[0].Status);
        Assert.Equal(total, output.TotalBytes);
        Assert.Equal(total - 1048576, output.DroppedBytes);
        Assert.Equal(total - 1048576, done.Tasks[0].OutputDropped);
        Assert.Contains($"[... {total - 1048576} bytes of output dropped ...]", output.Text);
        Assert.Equal(1048576, output.Text.Count(c => c == 'a'));
    }

    [Fact]
    public async Task Stop_RunningSleep_TerminatedAndNoProcessLeft()
    {
        var marker = "600.1" + Random.Shared.Next(100, 999);
        var invocation = await _server.InvokeAsync($"echo started; sleep {marker}", [_beta.InstanceId]);
        await Eventually.HoldsAsync(() => _server.GetInvocationAsync(invocation.Id),
            d => d.Tasks[0].Status == InvocationTaskStatus.Running && d.Tasks[0].OutputReceived > 0, Deadline, "the task to run");

        (await _server.Api.PostAsync($"/api/v1/invocations/{invocation.Id}/stop", null)).EnsureSuccessStatusCode();
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationStatus.Stopped, done.Invocation.Status);
        Assert.Equal(InvocationTaskStatus.Terminated, done.Tasks[0].Status);
        Assert.Empty(ProcessList.WithArgument(marker));
    }
}
