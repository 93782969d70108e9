using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudAssist.Web.Instances;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on real Kestrel at 127.0.0.1 on an ephemeral port, with its own SQLite file
/// in a temporary data directory. Real agent processes can reach it at <see cref="Url"/>.
/// </summary>
public sealed class CloudAssistServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ca-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<string, string?> _settings;

    public CloudAssistServer()
        : this(null)
    {
    }

    internal CloudAssistServer(IDictionary<string, string?>? settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = _dataDirectory,
            ["LocalAgent:Enabled"] = "false",
            ["AgentApi:PollHoldSeconds"] = "20",
            ["AgentApi:ReaperIntervalSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        Url = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Api = CreateClient();
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The server's base URL, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; }

    /// <summary>A client for the operator API.</summary>
    public HttpClient Api { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>Creates an activation code through the operator API.</summary>
    public async Task<string> CreateActivationCodeAsync(int usageLimit = 10, string? allowedRanges = null)
    {
        var response = await Api.PostAsJsonAsync(
            "/api/v1/activation-codes", new { description = "test", usageLimit, validForHours = 1, allowedRanges });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedActivationCode>(Json);
        return created!.Code;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(RepositoryRoot.Path);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying agent; the temp directory is cleaned by the OS.
            }
        }
    }
}
