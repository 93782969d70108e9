using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudAssist.Data;

/// <summary>Registers the store and its repositories.</summary>
public static class CloudAssistDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SQLite connection factory for <paramref name="databasePath"/>, the migration
    /// runner and one repository per aggregate. Bind <see cref="OutputOptions"/> separately.
    /// </summary>
    public static IServiceCollection AddCloudAssistData(this IServiceCollection services, string databasePath, int busyTimeoutMilliseconds)
    {
        DapperConfiguration.Apply();
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        services.AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory(databasePath, busyTimeoutMilliseconds));
        services.AddOptions<OutputOptions>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<CommandRepository>();
        services.AddSingleton<InstanceRepository>();
        services.AddSingleton<ActivationCodeRepository>();
        services.AddSingleton<InvocationRepository>();
        services.AddSingleton<TaskRepository>();
        services.AddSingleton<OutputRepository>();
        services.AddSingleton<ExecutionRecordQueries>();
        services.AddSingleton<ScheduleRepository>();
        services.AddSingleton<ScheduleRunRepository>();
        services.AddSingleton<FileTransferRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<ApiTokenRepository>();
        services.AddSingleton<AuditRepository>();
        return services;
    }
}
