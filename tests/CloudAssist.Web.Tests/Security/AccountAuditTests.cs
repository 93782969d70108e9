using System.Net;
using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Security;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Security;

/// <summary>Sign-ins, failures, user changes and token revocations each leave their audit entry.</summary>
public sealed class AccountAuditTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task SignIn_SuccessAndFailure_EachAudited()
    {
        using var ok = await SessionClient.SignInAsync(server, "viewer");
        using var bad = SessionClient.Anonymous(server);
        await bad.PostFormAsync(
            "/account/login", "sign-in", new() { ["Input.UserName"] = "viewer", ["Input.Password"] = "no" });

        var entries = await EntriesAsync("user.sign", "viewer");

        Assert.Contains(entries, e => e.Action == "user.signed_in" && e.SourceAddress == "127.0.0.1");
        Assert.Contains(entries, e => e.Action == "user.sign_in_failed" && e.Summary == "Sign-in as viewer failed");
        Assert.DoesNotContain(entries, e => (e.DetailsJson ?? "").Contains(CloudAssistServer.Password));
    }

    [Fact]
    public async Task UserCreatedAndChanged_ThroughTheApi_AuditedWithBeforeAndAfter()
    {
        var name = "auditee-" + Guid.NewGuid().ToString("N")[..6];
        var created = await server.Api.PostAsJsonAsync("/api/v1/users",
            new { userName = name, role = "Viewer", password = CloudAssistServer.Password }, CloudAssistServer.Json);
        var user = (await created.Content.ReadFromJsonAsync<UserView>(CloudAssistServer.Json))!;

        var changed = await server.Api.PatchAsJsonAsync(
            $"/api/v1/users/{user.Id}", new { role = "Operator" }, CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var entries = await EntriesAsync("user.", "administrator", user.Id);
        Assert.Contains(entries, e => e.Action == "user.created");
        var update = Assert.Single(entries, e => e.Action == "user.updated");
        Assert.Contains("\"before\":{\"role\":\"Viewer\"", update.DetailsJson);
        Assert.Contains("\"after\":{\"role\":\"Operator\"", update.DetailsJson);
        Assert.DoesNotContain(entries, e => (e.DetailsJson ?? "").Contains(CloudAssistServer.Password));
    }

    [Fact]
    public async Task TokenRevoked_ThroughTheApi_Audited()
    {
        var me = await server.Api.GetFromJsonAsync<CurrentUserView>("/api/v1/me", CloudAssistServer.Json);
        var (token, secret) = await server.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(me!.UserId, "short-lived", 1, CloudAssist.Web.Audit.AuditActor.Server, default);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/v1/tokens/{token.Id}")).StatusCode);

        var entries = await EntriesAsync("api_token.", null, token.Id);
        Assert.Contains(entries, e => e.Action == "api_token.created" && e.Actor == "server");
        Assert.Contains(entries, e => e.Action == "api_token.revoked" && e.Actor == "administrator");
        Assert.DoesNotContain(entries, e => (e.DetailsJson ?? "").Contains(secret));
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(string action, string? actor, string? targetId = null) =>
        (await server.Services.GetRequiredService<AuditRepository>()
            .SearchAsync(new AuditFilter(Actor: actor, Action: action, TargetId: targetId), 100, 0, default)).Items;
}
