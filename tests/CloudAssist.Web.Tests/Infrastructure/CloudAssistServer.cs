using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on real Kestrel at 127.0.0.1 on an ephemeral port, with its own SQLite file
/// in a temporary data directory. Real agent processes can reach it at <see cref="Url"/>.
/// </summary>
public sealed class CloudAssistServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ca-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<string, string?> _settings;
    private readonly Dictionary<UserRole, string> _tokens = [];

    public CloudAssistServer()
        : this(null)
    {
    }

    /// <param name="settings">Configuration over the test defaults.</param>
    /// <param name="seedUsers">
    /// Whether to create a user and API token per role; false leaves the first-run set-up.
    /// </param>
    /// <param name="httpsCertificate">
    /// When set, the server also listens for HTTPS with this certificate, at <see cref="HttpsUrl"/>.
    /// </param>
    internal CloudAssistServer(
        IDictionary<string, string?>? settings,
        bool seedUsers = true,
        X509Certificate2? httpsCertificate = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = _dataDirectory,
            ["LocalAgent:Enabled"] = "false",
            ["AgentApi:PollHoldSeconds"] = "20",
            ["AgentApi:ReaperIntervalSeconds"] = "1",

            // Every test signs in and registers from 127.0.0.1; the rate limit tests set their own limits.
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:RegistrationPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0);
            if (httpsCertificate is not null)
            {
                k.Listen(System.Net.IPAddress.Loopback, 0, endpoint => endpoint.UseHttps(httpsCertificate));
            }
        });
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Url = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        HttpsUrl = addresses.SingleOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal))?.TrimEnd('/');

        // The test clients talk plain HTTP: they need not trust the test's certificate.
        ClientOptions.BaseAddress = new Uri(Url);
        foreach (var role in seedUsers ? Enum.GetValues<UserRole>() : [])
        {
            _tokens[role] = SeedUserAsync(role).GetAwaiter().GetResult();
        }

        Api = seedUsers ? ClientFor(UserRole.Administrator) : CreateClient();
    }

    /// <summary>The password of every seeded user; each role has one user named after it in lower case.</summary>
    public static string Password => "correct horse battery staple";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The server's base URL, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; }

    /// <summary>The HTTPS base URL when the server was given a certificate; null otherwise.</summary>
    public string? HttpsUrl { get; }

    /// <summary>A client for the operator API, carrying the administrator's API token.</summary>
    public HttpClient Api { get; }

    /// <summary>The seeded user name for a role: "administrator", "operator", "viewer".</summary>
    public static string UserNameFor(UserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The API token of the seeded user with this role.</summary>
    public string TokenFor(UserRole role) => _tokens[role];

    /// <summary>A new client carrying the API token of the seeded user with this role.</summary>
    public HttpClient ClientFor(UserRole role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[role]);
        return client;
    }

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

    private async Task<string> SeedUserAsync(UserRole role)
    {
        var user = await Services.GetRequiredService<UserService>()
            .CreateAsync(UserNameFor(role), role, Password, AuditActor.Server, default)
            ?? throw new InvalidOperationException($"Seeding the {role} user failed.");
        var (_, secret) = await Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, "tests", null, AuditActor.Server, default);
        return secret;
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
