using System.Net;
using System.Net.Http.Json;
using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Protocol;

public sealed class RegistrationTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task Register_ValidCode_ReturnsIdentityAndStoresOnlyHash()
    {
        var code = await server.CreateActivationCodeAsync(1);

        var response = await server.Api.PostAsJsonAsync(AgentRoutes.Register, RawAgent.Registration(code), CloudAssistServer.Json);

        response.EnsureSuccessStatusCode();
        var identity = (await response.Content.ReadFromJsonAsync<RegisterResponse>(CloudAssistServer.Json))!;
        Assert.StartsWith(identity.InstanceId + ".", identity.Credential);
        var stored = await server.Services.GetRequiredService<InstanceRepository>().GetAsync(identity.InstanceId, default);
        Assert.NotNull(stored);
        Assert.Equal(Secrets.Hash(identity.Credential), stored.CredentialHash);
        Assert.DoesNotContain(identity.Credential, System.Text.Encoding.UTF8.GetString(stored.CredentialHash));
    }

    [Fact]
    public async Task Register_UsedUpCode_RefusedSayingUsedUp()
    {
        var code = await server.CreateActivationCodeAsync(1);
        (await server.Api.PostAsJsonAsync(AgentRoutes.Register, RawAgent.Registration(code), CloudAssistServer.Json)).EnsureSuccessStatusCode();

        var response = await server.Api.PostAsJsonAsync(AgentRoutes.Register, RawAgent.Registration(code), CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("used up", problem!.Detail);
    }

    [Fact]
    public async Task Register_ExpiredCode_RefusedSayingExpired()
    {
        var codes = server.Services.GetRequiredService<ActivationCodeRepository>();
        var secret = Secrets.New("ca-act-");
        await codes.CreateAsync(new ActivationCodeRecord
        {
            Id = "act-expired-" + Guid.NewGuid().ToString("N")[..6],
            CodeHash = Secrets.Hash(secret),
            UsageLimit = 5,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
        }, default);

        var response = await server.Api.PostAsJsonAsync(AgentRoutes.Register, RawAgent.Registration(secret), CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Register_UnknownCode_Unauthorized()
    {
        var response = await server.Api.PostAsJsonAsync(
            AgentRoutes.Register, RawAgent.Registration("ca-act-not-a-real-code"), CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not recognised", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Poll_UnknownOrDeregisteredCredential_Unauthorized()
    {
        var agent = await RawAgent.RegisterAsync(server);
        var forged = new RawAgent(server, agent.InstanceId, agent.InstanceId + ".forged-secret");
        var poll = new PollRequest("b", 1, [], "t", []);

        var forgedResponse = await forged.PostAsync(AgentRoutes.Poll, poll);
        (await server.Api.DeleteAsync($"/api/v1/instances/{agent.InstanceId}")).EnsureSuccessStatusCode();
        var deregisteredResponse = await agent.PostAsync(AgentRoutes.Poll, poll);

        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deregisteredResponse.StatusCode);
        Assert.Contains("deregistered", (await deregisteredResponse.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Register_RevokedCode_RefusedSayingRevoked()
    {
        var created = await server.Api.PostAsJsonAsync(
            "/api/v1/activation-codes", new { description = "revoked", usageLimit = 5, validForHours = 1 });
        created.EnsureSuccessStatusCode();
        var code = (await created.Content.ReadFromJsonAsync<CreatedActivationCode>(CloudAssistServer.Json))!;
        (await server.Api.DeleteAsync($"/api/v1/activation-codes/{code.Id}")).EnsureSuccessStatusCode();

        var response = await server.Api.PostAsJsonAsync(
            AgentRoutes.Register, RawAgent.Registration(code.Code), CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("revoked", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Register_FromOutsideAllowedRange_ForbiddenNamingTheAddress()
    {
        var code = await server.CreateActivationCodeAsync(5, "10.0.0.0/8, fd00::/8");

        var response = await server.Api.PostAsJsonAsync(
            AgentRoutes.Register, RawAgent.Registration(code), CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail;
        Assert.Equal("The address 127.0.0.1 is outside the activation code's allowed address range.", detail);
    }

    [Fact]
    public async Task Register_FromInsideAllowedRange_Registers()
    {
        var code = await server.CreateActivationCodeAsync(5, "10.0.0.0/8, 127.0.0.0/8, ::1/128");

        var response = await server.Api.PostAsJsonAsync(
            AgentRoutes.Register, RawAgent.Registration(code), CloudAssistServer.Json);

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task CreateCode_BadCidrBlock_ValidationProblemNamingTheBlock()
    {
        var request = new
        {
            description = "lab", usageLimit = 1, validForHours = 1, allowedRanges = "10.0.0.0/8, 10.1.2.3/8",
        };

        var response = await server.Api.PostAsJsonAsync("/api/v1/activation-codes", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.StartsWith("'10.1.2.3/8' is not a CIDR block", problem!.Errors["allowedRanges"].Single());
    }

    [Fact]
    public async Task Register_AgainAfterDeregistration_GetsANewInstanceId()
    {
        var first = await RawAgent.RegisterAsync(server, "again");
        (await server.Api.DeleteAsync($"/api/v1/instances/{first.InstanceId}")).EnsureSuccessStatusCode();

        var second = await RawAgent.RegisterAsync(server, "again");

        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.PollRawAsync()).StatusCode);
    }
}
