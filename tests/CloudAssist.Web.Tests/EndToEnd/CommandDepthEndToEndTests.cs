using System.Diagnostics;
using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>Parameters, interpreters, run-as, rate control and tags, on six real agents.</summary>
public sealed class CommandDepthEndToEndTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly CloudAssistServer _server = fleet.Server;

    private string First => fleet.Agents[0].InstanceId;

    [Theory]
    [InlineData("shell", "printf '%s' {{value}}")]
    [InlineData("bash", "printf '%s' {{value}}")]
    [InlineData("python", "import sys; sys.stdout.write({{value}})")]
    public async Task Invoke_HostileParameterValue_ArrivesLiterally(string type, string script)
    {
        const string hostile = "it's \"quoted\"; echo pwned $(id -u) `id -u` $HOME \\ \nsecond line";

        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = script,
            CommandType = type,
            Parameters = new Dictionary<string, string> { ["value"] = hostile },
            InstanceIds = [First],
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Success, done.Tasks[0].Status);
        Assert.Equal(hostile, (await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id)).Text);
    }

    [Fact]
    public async Task Invoke_BuiltInParameters_FilledPerInstance()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "echo {{ca:InstanceId}} {{ca:InstanceName}} {{ca:InvocationId}}",
            InstanceIds = [fleet.Agents[0].InstanceId, fleet.Agents[1].InstanceId],
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        foreach (var task in done.Tasks)
        {
            var name = fleet.Agents.Single(a => a.InstanceId == task.InstanceId).StateDirectory.Split("agent-")[^1];
            Assert.Equal($"{task.InstanceId} {name} {invocation.Id}\n", (await _server.GetOutputAsync(invocation.Id, task.Id)).Text);
        }
    }

    [Fact]
    public async Task Invoke_Interpreters_PythonRunsAndMissingOneIsNotApplicable()
    {
        var pwshPresent = File.Exists("/usr/bin/pwsh") || File.Exists("/usr/local/bin/pwsh");

        var python = await _server.InvokeAsync(new CreateInvocationRequest { Content = "print(6 * 7)", CommandType = "python", InstanceIds = [First] });
        var powershell = await _server.InvokeAsync(new CreateInvocationRequest { Content = "Write-Output 42", CommandType = "powershell", InstanceIds = [First] });
        var pythonDone = await _server.WaitForFinalAsync(python.Id, Deadline);
        var powershellDone = await _server.WaitForFinalAsync(powershell.Id, Deadline);
        var instance = await _server.Api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/instances/{First}");

        Assert.Equal("42\n", (await _server.GetOutputAsync(python.Id, pythonDone.Tasks[0].Id)).Text);
        Assert.Contains("python", instance.GetProperty("interpreters").EnumerateArray().Select(e => e.GetString()));
        if (!pwshPresent)
        {
            Assert.Equal(InvocationTaskStatus.Error, powershellDone.Tasks[0].Status);
            Assert.Equal("CommandNotApplicable", powershellDone.Tasks[0].ErrorCode);
            Assert.DoesNotContain("powershell", instance.GetProperty("interpreters").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task Invoke_RunAsCreatedUser_RunsAsThatUser_MissingUserIsAccountNotExists()
    {
        var user = "ca" + Guid.NewGuid().ToString("N")[..8];
        RunRoot("useradd", "--no-create-home", "--shell", "/bin/sh", user);
        try
        {
            var asUser = await _server.InvokeAsync(new CreateInvocationRequest { Content = "id -un; echo $HOME", RunAs = user, InstanceIds = [First] });
            var missing = await _server.InvokeAsync(new CreateInvocationRequest { Content = "id -un", RunAs = "nosuchuser42", InstanceIds = [First] });
            var asUserDone = await _server.WaitForFinalAsync(asUser.Id, Deadline);
            var missingDone = await _server.WaitForFinalAsync(missing.Id, Deadline);

            Assert.Equal(InvocationTaskStatus.Success, asUserDone.Tasks[0].Status);
            Assert.StartsWith(user + "\n", (await _server.GetOutputAsync(asUser.Id, asUserDone.Tasks[0].Id)).Text);
            Assert.Equal(InvocationTaskStatus.Error, missingDone.Tasks[0].Status);
            Assert.Equal("AccountNotExists", missingDone.Tasks[0].ErrorCode);
        }
        finally
        {
            RunRoot("userdel", user);
        }
    }

    [Fact]
    public async Task Invoke_EnvironmentAndWorkingDirectory_ScriptSeesThem()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "pwd; echo \"$GREETING\"",
            WorkingDirectory = "/tmp",
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello there" },
            InstanceIds = [First],
        });
        var missingDirectory = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "pwd", WorkingDirectory = "/no/such/dir", InstanceIds = [First],
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);
        var missingDone = await _server.WaitForFinalAsync(missingDirectory.Id, Deadline);

        Assert.Equal("/tmp\nhello there\n", (await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id)).Text);
        Assert.Equal("DirectoryNotExists", missingDone.Tasks[0].ErrorCode);
    }

    [Fact]
    public async Task Invoke_MaxConcurrencyTwoOverSix_NeverMoreThanTwoRunning()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "sleep 1",
            MaxConcurrency = "2",
            InstanceIds = fleet.Agents.Select(a => a.InstanceId).ToList(),
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.All(done.Tasks, t => Assert.Equal(InvocationTaskStatus.Success, t.Status));
        Assert.Equal(2, done.Invocation.MaxConcurrency);
        Assert.True(MaxOverlap(done.Tasks) <= 2, $"{MaxOverlap(done.Tasks)} tasks ran at once.");
    }

    [Fact]
    public async Task Invoke_MaxErrorsOne_StopsTheRolloutAfterTheFirstFailure()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "exit 1",
            MaxConcurrency = "1",
            MaxErrors = 1,
            InstanceIds = fleet.Agents.Take(4).Select(a => a.InstanceId).ToList(),
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationStatus.Failed, done.Invocation.Status);
        Assert.Single(done.Tasks, t => t.Status == InvocationTaskStatus.Failed);
        Assert.Equal(3, done.Tasks.Count(t => t.Status == InvocationTaskStatus.Cancelled && t.ErrorCode == "MaxErrorsReached"));
    }

    [Fact]
    public async Task Invoke_ByTag_RunsOnExactlyTheTaggedInstances()
    {
        var tag = "web-" + Guid.NewGuid().ToString("N")[..6];
        var tagged = fleet.Agents.Skip(3).Take(2).Select(a => a.InstanceId).ToList();
        foreach (var id in tagged)
        {
            (await _server.Api.PutAsJsonAsync($"/api/v1/instances/{id}/tags", new[] { tag, "linux" })).EnsureSuccessStatusCode();
        }

        var invocation = await _server.InvokeAsync(new CreateInvocationRequest { Content = "true", Tags = [tag] });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(tagged.Order(), done.Tasks.Select(t => t.InstanceId).Order());
        Assert.Equal(tag, done.Invocation.TargetTags);
        Assert.Equal(InvocationStatus.Success, done.Invocation.Status);
    }

    [Fact]
    public async Task Stop_ScriptWithBackgroundGrandchild_NoProcessSurvives()
    {
        var marker = "700.2" + Random.Shared.Next(100, 999);
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = $"sh -c 'sleep {marker} &'; (sleep {marker} &); echo forked; sleep {marker}",
            InstanceIds = [First],
        });
        await Eventually.HoldsAsync(() => _server.GetInvocationAsync(invocation.Id),
            d => d.Tasks[0].OutputReceived > 0, Deadline, "the script to fork");

        (await _server.Api.PostAsync($"/api/v1/invocations/{invocation.Id}/tasks/{(await _server.GetInvocationAsync(invocation.Id)).Tasks[0].Id}/stop", null))
            .EnsureSuccessStatusCode();
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Terminated, done.Tasks[0].Status);
        Assert.Empty(ProcessList.WithArgument(marker));
    }

    [Fact]
    public async Task Invoke_OutputOverCap_KeepsHeadAndTailAndCountsDropped()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest { Content = "seq 1 100000", InstanceIds = [First] });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);
        var output = await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id);

        const long total = 588895; // bytes of `seq 1 100000`
        Assert.Equal(total, output.TotalBytes);
        Assert.Equal(total - 65536, output.DroppedBytes);
        Assert.StartsWith("1\n2\n3\n", output.Text);
        Assert.EndsWith("99999\n100000\n", output.Text);
    }

    [Fact]
    public async Task Invoke_StdoutAndStderr_KeptInOrderWithTheirStreams()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "echo out1; sleep 0.3; echo err1 >&2; sleep 0.3; echo out2",
            InstanceIds = [First],
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);
        var output = await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id);

        Assert.Equal("out1\nerr1\nout2\n", output.Text);
        Assert.Equal(
            [new OutputSegment("stdout", "out1\n"), new OutputSegment("stderr", "err1\n"), new OutputSegment("stdout", "out2\n")],
            output.Segments);
    }

    [Fact]
    public async Task Invoke_SecretParameter_NeverStoredAndMaskedInOutput()
    {
        const string secret = "s3cr3t-Value-42";

        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "echo token={{token}}; sleep 0.3; echo {{token}} >&2; sleep 0.3; printf '%s' {{token}} | wc -c",
            Parameters = new Dictionary<string, string> { ["token"] = secret },
            SecretParameters = ["token"],
            InstanceIds = [First],
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);
        var output = await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id);
        var everything = await _server.Api.GetStringAsync($"/api/v1/invocations/{invocation.Id}");

        var masked = new string('*', secret.Length);
        Assert.Equal($"token={masked}\n{masked}\n{secret.Length}\n", output.Text);
        Assert.DoesNotContain(secret, everything);
        Assert.Contains("{{token}}", done.Invocation.Content);
        Assert.Contains("******", done.Invocation.ParametersJson);
    }

    [Fact]
    public async Task Invoke_BytesThatAreNotUtf8_OutputStaysReadable()
    {
        var invocation = await _server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "printf 'before \\377\\376 after\\n'; echo ünïcödé",
            InstanceIds = [First],
        });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);
        var output = await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id);

        Assert.Equal(InvocationTaskStatus.Success, done.Tasks[0].Status);
        Assert.Equal("before \uFFFD\uFFFD after\nünïcödé\n", output.Text);
        Assert.Equal(28, output.TotalBytes);
    }

    private static int MaxOverlap(IEnumerable<InvocationTaskRecord> tasks)
    {
        var edges = tasks.SelectMany(t => new[] { (At: t.StartedAt!.Value, Delta: 1), (At: t.FinishedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int running = 0, max = 0;
        foreach (var (_, delta) in edges)
        {
            running += delta;
            max = Math.Max(max, running);
        }

        return max;
    }

    private static void RunRoot(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}
