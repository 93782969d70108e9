using CloudAssist.Agent;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSystemd();
builder.Services.AddCloudAssistAgent(builder.Configuration);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

await builder.Build().RunAsync();
