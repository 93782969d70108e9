using CloudAssist.Data;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudAssist.Bench.Hosting;

/// <summary>
/// Prepares a benchmark server's data directory before it starts: the schema, an administrator and an
/// API token for the operator calls, so no benchmark goes through the console's first-run set-up.
/// </summary>
public static class BenchAdmin
{
    public static async Task<string> SeedAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = new DatabaseOptions();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new SecurityOptions()))
            .AddSingleton<AuditLog>()
            .AddSingleton<UserService>()
            .AddSingleton<ApiTokenService>()
            .AddCloudAssistData(Path.Combine(dataDirectory, database.Path), database.BusyTimeoutMilliseconds)
            .BuildServiceProvider();
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var admin = await services.GetRequiredService<UserService>().CreateAsync(
                "bench", UserRole.Administrator, Guid.NewGuid().ToString(), AuditActor.Server, cancellationToken)
            ?? throw new InvalidOperationException("Seeding the benchmark administrator failed.");
        var tokens = services.GetRequiredService<ApiTokenService>();
        return (await tokens.CreateAsync(admin.Id, "benchmarks", null, AuditActor.Server, cancellationToken)).Secret;
    }
}
