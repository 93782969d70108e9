using CloudAssist.Web.Agents;
using CloudAssist.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.AddCloudAssistLogging();
builder.AddCloudAssistStore();
builder.AddCloudAssistErrors();
builder.AddCloudAssistEdges();
builder.AddCloudAssistRateLimits();
builder.AddCloudAssistOpenApi();
builder.AddCloudAssistServices();
builder.AddCloudAssistSchedules();
builder.AddCloudAssistSecurity();
builder.AddCloudAssistConsole();
builder.AddLocalAgent();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.PrepareFirstSetupAsync();
app.UseCloudAssistEdges();
app.UseCloudAssistErrors();
app.UseStaticFiles();
app.UseCloudAssistSecurity();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapAgentApi();
app.MapOperatorApi();
app.MapCloudAssistOpenApi();
app.MapCloudAssistConsole();

app.Run();

/// <summary>The entry point, visible to the integration tests' factory.</summary>
public partial class Program;
