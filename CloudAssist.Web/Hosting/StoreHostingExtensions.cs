using CloudAssist.Data;
using CloudAssist.Data.Storage;

namespace CloudAssist.Web.Hosting;

internal static class StoreHostingExtensions
{
    /// <summary>
    /// The SQLite store. <c>Database:Path</c> is resolved against <c>DataDirectory</c>, which is
    /// resolved against the content root; the defaults give <c>data/cloudassist.db</c>.
    /// </summary>
    public static WebApplicationBuilder AddCloudAssistStore(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var path = Path.Combine(DataDirectory(builder), database.Path);
        builder.Services.AddCloudAssistData(path, database.BusyTimeoutMilliseconds);
        builder.Services.AddOptions<OutputOptions>()
            .Bind(builder.Configuration.GetSection(OutputOptions.SectionName))
            .Validate(o => o.MaxBytesPerTask is >= 1024 and <= OutputOptions.MaxCapBytes,
                $"Output:MaxBytesPerTask must be between 1024 and {OutputOptions.MaxCapBytes} bytes.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>The absolute data directory, where the database and the local agent's state live.</summary>
    public static string DataDirectory(WebApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["DataDirectory"] ?? "data"));

    /// <summary>Applies pending schema migrations before the app takes requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}
