using System.Net;
using System.Net.Http.Json;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Audit;

/// <summary>Over the API, a change whose audit entry cannot be stored does not happen.</summary>
public sealed class AuditedChangeTests
{
    [Fact]
    public async Task CreateCommand_AuditEntryRefused_ServerErrorWithoutInternalsAndNothingStored()
    {
        using var server = new CloudAssistServer();
        var connections = server.Services.GetRequiredService<IDbConnectionFactory>();
        await using (var connection = await connections.OpenWriterAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("""
                CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit refused'); END
                """);
        }

        var request = new SaveCommandRequest { Name = "untraceable", Content = "echo hi" };
        var response = await server.Api.PostAsJsonAsync("/api/v1/commands", request, CloudAssistServer.Json);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("audit refused", body);
        Assert.DoesNotContain("SqliteException", body);
        var commands = await server.Api.GetStringAsync("/api/v1/commands");
        Assert.DoesNotContain("untraceable", commands);
    }
}
