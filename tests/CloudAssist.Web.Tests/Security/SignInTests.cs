using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Security;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Security;

/// <summary>Sign-in, lockout, sessions that end, and tokens that are refused, over real HTTP.</summary>
public sealed class SignInTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndSetsNoSession()
    {
        using var client = SessionClient.Anonymous(server);

        var response = await client.PostFormAsync("/account/login", "sign-in", new()
        {
            ["Input.UserName"] = "viewer",
            ["Input.Password"] = "not the password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/commands")).StatusCode);
    }

    [Fact]
    public async Task SignInForm_PostedWithoutAntiforgeryToken_Refused()
    {
        using var client = SessionClient.Anonymous(server);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.UserName"] = "administrator",
            ["Input.Password"] = CloudAssistServer.Password,
        });

        var response = await client.Http.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetCookies(new Uri(server.Url)), c => c.Name == "CloudAssist.Session");
    }

    [Fact]
    public async Task SignOut_PostedWithoutAntiforgeryToken_RefusedAndSessionKept()
    {
        using var session = await SessionClient.SignInAsync(server, "operator");

        var response = await session.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/commands")).StatusCode);
    }

    [Fact]
    public async Task Session_UserDisabled_EndsAtTheNextRequest()
    {
        var users = server.Services.GetRequiredService<UserService>();
        var user = await users.CreateAsync("leaver-" + Guid.NewGuid().ToString("N")[..6], UserRole.Operator,
            CloudAssistServer.Password, AuditActor.Server, default);
        using var session = await SessionClient.SignInAsync(server, user!.UserName);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/commands")).StatusCode);

        Assert.Null(await users.UpdateAsync(user.Id, new UserChange(Disabled: true), AuditActor.Server, default));

        var after = await session.Http.GetAsync("/commands");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Token_Revoked_RefusedSayingRevoked()
    {
        var (client, tokenId) = await NewTokenClientAsync(UserRole.Operator, null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{tokenId}")).StatusCode);

        var refused = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_Expired_RefusedSayingExpired()
    {
        var user = await server.Services.GetRequiredService<UserService>().CreateAsync(
            "expiring-" + Guid.NewGuid().ToString("N")[..6], UserRole.Viewer, CloudAssistServer.Password,
            AuditActor.Server, default);
        var secret = ApiTokenService.Prefix + Guid.NewGuid().ToString("N");
        await server.Services.GetRequiredService<ApiTokenRepository>().CreateAsync(new ApiTokenRecord
        {
            Id = "tok-expired-" + Guid.NewGuid().ToString("N")[..6],
            UserId = user!.Id,
            Name = "old",
            TokenHash = CloudAssist.Web.Agents.Secrets.Hash(secret),
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1),
        }, default);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var refused = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("has expired", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_OwnerDisabled_Refused()
    {
        var (client, _) = await NewTokenClientAsync(UserRole.Operator, null);
        var me = (await client.GetFromJsonAsync<CurrentUserView>("/api/v1/me", CloudAssistServer.Json))!;

        Assert.Null(await server.Services.GetRequiredService<UserService>()
            .UpdateAsync(me.UserId, new UserChange(Disabled: true), AuditActor.Server, default));

        var refused = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("owner is disabled", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_CarriesItsOwnersCurrentRole()
    {
        var (client, _) = await NewTokenClientAsync(UserRole.Viewer, null);
        Assert.Equal(
            HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/invocations/none/stop", null)).StatusCode);
        var me = (await client.GetFromJsonAsync<CurrentUserView>("/api/v1/me", CloudAssistServer.Json))!;

        Assert.Null(await server.Services.GetRequiredService<UserService>()
            .UpdateAsync(me.UserId, new UserChange(Role: UserRole.Operator), AuditActor.Server, default));

        Assert.Equal(
            HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/invocations/none/stop", null)).StatusCode);
    }

    [Fact]
    public async Task Token_Unknown_RefusedWithProblemDetails()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", ApiTokenService.Prefix + "forged");

        var response = await client.GetAsync("/api/v1/commands");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not recognised", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tokens_StoredOnlyAsHashes()
    {
        var (_, tokenId) = await NewTokenClientAsync(UserRole.Viewer, 30);
        var me = server.Services.GetRequiredService<ApiTokenRepository>();
        var secret = server.TokenFor(UserRole.Viewer);

        var stored = await me.FindByHashAsync(CloudAssist.Web.Agents.Secrets.Hash(secret), default);

        Assert.NotNull(stored);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(stored.TokenHash));
        Assert.StartsWith("tok-", tokenId);
    }

    private async Task<(HttpClient Client, string TokenId)> NewTokenClientAsync(UserRole role, int? days)
    {
        var user = await server.Services.GetRequiredService<UserService>().CreateAsync(
            $"{role}-{Guid.NewGuid():N}"[..20], role, CloudAssistServer.Password, AuditActor.Server, default);
        var (token, secret) = await server.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(user!.Id, "test", days, AuditActor.Server, default);
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (client, token.Id);
    }
}
