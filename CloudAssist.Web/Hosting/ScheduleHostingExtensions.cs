using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Hosting;

internal static class ScheduleHostingExtensions
{
    /// <summary>Schedules: the service shared by API and console, the scheduler, and reboot dispatch.</summary>
    public static WebApplicationBuilder AddCloudAssistSchedules(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulerOptions>()
            .Bind(builder.Configuration.GetSection(SchedulerOptions.SectionName))
            .Validate(o => o.MissedRunGraceSeconds is >= 0 and <= 7 * 24 * 3600,
                "Scheduler:MissedRunGraceSeconds must be 0 to 604800 (a week).")
            .ValidateOnStart();
        builder.Services.AddSingleton<ScheduleWakeup>();
        builder.Services.AddSingleton<ScheduleService>();
        builder.Services.AddSingleton<ScheduleFiring>();
        builder.Services.AddSingleton<RebootDispatcher>();
        builder.Services.AddSingleton<Scheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        return builder;
    }
}
