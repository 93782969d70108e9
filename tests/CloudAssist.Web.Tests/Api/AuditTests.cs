using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Schedules;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Api;

/// <summary>Each audited action done through the operator API leaves exactly its entry.</summary>
public sealed class AuditTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task CommandCreateUpdateDelete_EachLeavesItsEntry_UpdateWithBeforeAndAfter()
    {
        var request = new SaveCommandRequest
        {
            Name = "audit-" + Guid.NewGuid().ToString("N")[..8],
            Content = "echo one {{key}}",
            Parameters = [new CommandParameter("key", "default-secret-7q", Secret: true)],
        };
        var created = await server.Api.PostAsJsonAsync("/api/v1/commands", request, CloudAssistServer.Json);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;

        (await server.Api.PutAsJsonAsync($"/api/v1/commands/{id}", request with { Content = "echo two {{key}}" },
            CloudAssistServer.Json)).EnsureSuccessStatusCode();
        (await server.Api.DeleteAsync($"/api/v1/commands/{id}")).EnsureSuccessStatusCode();

        var entries = await server.AuditOfAsync("command", id);
        Assert.Equal(["command.deleted", "command.updated", "command.created"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("administrator", "127.0.0.1"), (e.Actor, e.SourceAddress)));
        var updated = AuditApi.Details(entries[1]);
        Assert.Equal("echo one {{key}}", updated.GetProperty("before").GetProperty("content").GetString());
        Assert.Equal("echo two {{key}}", updated.GetProperty("after").GetProperty("content").GetString());
        var parameter = updated.GetProperty("after").GetProperty("parameters")[0];
        Assert.Equal("***", parameter.GetProperty("defaultValue").GetString());
        Assert.Equal(JsonValueKind.Null, AuditApi.Details(entries[0]).GetProperty("after").ValueKind);
        Assert.DoesNotContain("default-secret-7q", await server.WholeLogTextAsync());
    }

    [Fact]
    public async Task CreateInvocation_SecretParameterAndTags_HashMaskedSecretAndResolvedTargets()
    {
        var byId = await RawAgent.RegisterAsync(server, "audit-a");
        var byTag = await RawAgent.RegisterAsync(server, "audit-b");
        var tag = "audit-" + Guid.NewGuid().ToString("N")[..8];
        (await server.Api.PutAsJsonAsync($"/api/v1/instances/{byTag.InstanceId}/tags", new[] { tag }))
            .EnsureSuccessStatusCode();

        var invocation = await server.InvokeAsync(new CreateInvocationRequest
        {
            Content = "echo {{user}} {{token}}",
            Parameters = new Dictionary<string, string> { ["user"] = "alice", ["token"] = "s3cr3t-value-xyz" },
            SecretParameters = ["token"],
            InstanceIds = [byId.InstanceId],
            Tags = [tag],
            RunAs = "deploy",
            TimeoutSeconds = 120,
        });

        var (entry, details) = await server.SingleAuditOfAsync("invocation", invocation.Id);
        var stored = (await server.GetInvocationAsync(invocation.Id)).Invocation.Content;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored)));
        Assert.Equal("invocation.created", entry.Action);
        Assert.Equal(hash, details.GetProperty("scriptSha256").GetString());
        Assert.Equal("***", details.GetProperty("parameters").GetProperty("token").GetString());
        Assert.Equal("alice", details.GetProperty("parameters").GetProperty("user").GetString());
        Assert.Equal(
            new[] { byId.InstanceId, byTag.InstanceId }.Order(),
            details.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).Order());
        Assert.Equal("deploy", details.GetProperty("runAs").GetString());
        Assert.Equal(120, details.GetProperty("timeoutSeconds").GetInt32());
        Assert.DoesNotContain("s3cr3t-value-xyz", await server.WholeLogTextAsync());
        var (tagged, tagDetails) = await server.SingleAuditOfAsync("instance", byTag.InstanceId);
        Assert.Equal("instance.tags_changed", tagged.Action);
        Assert.Equal(tag, tagDetails.GetProperty("after")[0].GetString());
    }

    [Fact]
    public async Task StopTaskThenInvocation_EachLeavesItsEntry()
    {
        var agent = await RawAgent.RegisterAsync(server, "audit-stop");
        var invocation = await server.InvokeAsync("sleep 60", [agent.InstanceId]);
        var task = Assert.Single((await server.GetInvocationAsync(invocation.Id)).Tasks);

        (await server.Api.PostAsync($"/api/v1/invocations/{invocation.Id}/tasks/{task.Id}/stop", null))
            .EnsureSuccessStatusCode();
        (await server.Api.PostAsync($"/api/v1/invocations/{invocation.Id}/stop", null)).EnsureSuccessStatusCode();

        var (taskEntry, taskDetails) = await server.SingleAuditOfAsync("invocation_task", task.Id);
        Assert.Equal("invocation.task_stopped", taskEntry.Action);
        Assert.Equal(invocation.Id, taskDetails.GetProperty("invocationId").GetString());
        Assert.Equal("Cancelled", taskDetails.GetProperty("changed")[0].GetProperty("taskStatus").GetString());
        var entries = await server.AuditOfAsync("invocation", invocation.Id);
        Assert.Equal(["invocation.stopped", "invocation.created"], entries.Select(e => e.Action));
    }

    [Fact]
    public async Task SendFile_LeavesEntryWithNameSizeHashAndTargets()
    {
        var agent = await RawAgent.RegisterAsync(server, "audit-file");
        var content = Encoding.UTF8.GetBytes("listen 8080\n");

        var invocation = await server.SendFileAsync(new Web.Files.SendFileRequest
        {
            FileName = "app.conf",
            ContentBase64 = Convert.ToBase64String(content),
            TargetDirectory = "/etc/app",
            InstanceIds = [agent.InstanceId],
        });

        var (entry, details) = await server.SingleAuditOfAsync("invocation", invocation.Id);
        Assert.Equal("file.sent", entry.Action);
        Assert.Equal("app.conf", details.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, details.GetProperty("sizeBytes").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), details.GetProperty("sha256").GetString());
        Assert.Equal(agent.InstanceId, details.GetProperty("targets")[0].GetString());
    }

    [Fact]
    public async Task ActivationCodeCreateRevoke_EntriesNeverHoldTheCode()
    {
        var response = await server.Api.PostAsJsonAsync(
            "/api/v1/activation-codes", new { description = "audit", usageLimit = 2, validForHours = 1 });
        var created = (await response.Content.ReadFromJsonAsync<CreatedActivationCode>(CloudAssistServer.Json))!;

        (await server.Api.DeleteAsync($"/api/v1/activation-codes/{created.Id}")).EnsureSuccessStatusCode();

        var entries = await server.AuditOfAsync("activation_code", created.Id);
        Assert.Equal(["activation_code.revoked", "activation_code.created"], entries.Select(e => e.Action));
        Assert.Equal(2, AuditApi.Details(entries[1]).GetProperty("usageLimit").GetInt32());
        Assert.DoesNotContain(created.Code, await server.WholeLogTextAsync());
    }

    [Fact]
    public async Task DeregisterInstance_LeavesItsEntry()
    {
        var agent = await RawAgent.RegisterAsync(server, "audit-gone");

        (await server.Api.DeleteAsync($"/api/v1/instances/{agent.InstanceId}")).EnsureSuccessStatusCode();

        var (entry, details) = await server.SingleAuditOfAsync("instance", agent.InstanceId);
        Assert.Equal("instance.deregistered", entry.Action);
        Assert.Equal("audit-gone", details.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ScheduleCreateUpdatePauseResumeDelete_EachLeavesItsEntry_WithBeforeAndAfter()
    {
        var agent = await RawAgent.RegisterAsync(server, "audit-schedule");
        var request = new SaveScheduleRequest
        {
            Kind = ScheduleKind.Rate,
            Every = 1,
            Unit = RateUnit.Hours,
            Content = "true",
            InstanceIds = [agent.InstanceId],
        };
        var id = (await server.CreateScheduleAsync(request)).Id;

        (await server.Api.PutAsJsonAsync($"/api/v1/schedules/{id}", request with { Every = 2 }, CloudAssistServer.Json))
            .EnsureSuccessStatusCode();
        await server.PauseScheduleAsync(id);
        (await server.Api.PostAsync($"/api/v1/schedules/{id}/resume", null)).EnsureSuccessStatusCode();
        (await server.Api.DeleteAsync($"/api/v1/schedules/{id}")).EnsureSuccessStatusCode();

        var entries = await server.AuditOfAsync("schedule", id);
        Assert.Equal(
            ["schedule.deleted", "schedule.resumed", "schedule.paused", "schedule.updated", "schedule.created"],
            entries.Select(e => e.Action));
        var updated = AuditApi.Details(entries[3]);
        Assert.Equal(3600, updated.GetProperty("before").GetProperty("rateSeconds").GetInt32());
        Assert.Equal(7200, updated.GetProperty("after").GetProperty("rateSeconds").GetInt32());
        var paused = AuditApi.Details(entries[2]);
        Assert.True(paused.GetProperty("before").GetProperty("enabled").GetBoolean());
        Assert.False(paused.GetProperty("after").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task ExportCsv_SummaryWithCommaQuoteNewlineAndLeadingEquals_RoundTripsNeutralised()
    {
        var targetId = "cmd-csv-" + Guid.NewGuid().ToString("N")[..8];
        const string summary = "=HYPERLINK(\"http://x\"), then\nmore";
        await server.Services.GetRequiredService<AuditLog>().RecordAsync(
            new AuditActor("csv-tester", "10.1.2.3"), "command.updated", "command", targetId, summary, new { n = 1 });

        var response = await server.Api.GetAsync($"/api/v1/audit/export.csv?actor=csv-tester&q={targetId}");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = CsvReader.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AuditCsv.Header.TrimEnd().Split(','), rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(["csv-tester", "command.updated", "command", targetId], row[2..6]);
        Assert.Equal("'" + summary, row[6]);
        Assert.Equal(("""{"n":1}""", "10.1.2.3"), (row[7], row[8]));
    }
}
