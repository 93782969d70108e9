using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Bench.Hosting;

/// <summary>
/// The server in this process on real Kestrel at 127.0.0.1, for benchmarks that need to watch
/// its services (the console notifier). It shares this process's CPU with the simulator.
/// </summary>
public sealed class InProcessServer : WebApplicationFactory<Program>, IBenchServer
{
    private readonly string _dataDirectory = ServerSettings.NewDataDirectory();
    private readonly Dictionary<string, string> _settings;

    public InProcessServer(int pollHoldSeconds)
    {
        _settings = ServerSettings.For(_dataDirectory, pollHoldSeconds);
        OperatorToken = BenchAdmin.SeedAsync(_dataDirectory, CancellationToken.None).GetAwaiter().GetResult();
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        Url = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string Url { get; }

    public int ProcessId => Environment.ProcessId;

    public string OperatorToken { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(RepositoryRoot.Path);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServerSettings.DeleteDataDirectory(_dataDirectory);
        GC.SuppressFinalize(this);
    }
}
