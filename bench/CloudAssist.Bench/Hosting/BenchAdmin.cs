using CloudAssist.Data;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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
            .AddCloudAssistData(Path.Combine(dataDirectory, database.Path), database.BusyTimeoutMilliseconds)
            .BuildServiceProvider();
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var repository = services.GetRequiredService<UserRepository>();
        var users = new UserService(
            repository, Options.Create(new SecurityOptions()), TimeProvider.System, NullLogger<UserService>.Instance);
        var admin = await users.CreateAsync("bench", UserRole.Administrator, Guid.NewGuid().ToString(), cancellationToken)
            ?? throw new InvalidOperationException("Seeding the benchmark administrator failed.");
        var tokens = new ApiTokenService(services.GetRequiredService<ApiTokenRepository>(), repository, TimeProvider.System);
        return (await tokens.CreateAsync(admin.Id, "benchmarks", null, cancellationToken)).Secret;
    }
}
