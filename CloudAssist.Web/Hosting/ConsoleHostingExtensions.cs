using CloudAssist.Web.Components;
using MudBlazor.Services;

namespace CloudAssist.Web.Hosting;

internal static class ConsoleHostingExtensions
{
    /// <summary>The Blazor Server console with MudBlazor.</summary>
    public static WebApplicationBuilder AddCloudAssistConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication MapCloudAssistConsole(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
