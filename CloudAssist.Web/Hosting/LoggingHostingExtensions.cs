using Serilog;

namespace CloudAssist.Web.Hosting;

internal static class LoggingHostingExtensions
{
    /// <summary>Serilog to the console, configured from the <c>Serilog</c> section.</summary>
    public static WebApplicationBuilder AddCloudAssistLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
        return builder;
    }
}
