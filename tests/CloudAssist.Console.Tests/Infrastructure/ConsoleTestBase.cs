using Bunit;
using Bunit.TestDoubles;
using CloudAssist.Data;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CloudAssist.Console.Tests.Infrastructure;

/// <summary>
/// One bUnit context per test over the real console services and a real SQLite file in a temp
/// directory of its own. The clock is fake: live refreshes and "last seen" move only when a test
/// advances it.
/// </summary>
public abstract class ConsoleTestBase : IAsyncLifetime
{
    /// <summary>How long a test waits for a live change to show before it fails.</summary>
    protected static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Longer than any refresh interval of the console (LiveRefresh coalesces for 150 ms).</summary>
    protected static readonly TimeSpan PastRefreshInterval = TimeSpan.FromMilliseconds(200);

    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string _directory;
    private ConsoleSeed? _seed;

    protected ConsoleTestBase()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"cloudassist-console-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        AddServices(Context.Services);
        Authorization = Context.AddAuthorization();
        SignInAs(UserRole.Operator);
    }

    /// <summary>The signed-in user bUnit presents; an operator unless a test signs in as another role.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>The test context; its services are the console's.</summary>
    protected BunitContext Context { get; } = new();

    /// <summary>The clock every page and service reads; it starts at <see cref="ConsoleSeed.Start"/>.</summary>
    protected FakeTimeProvider Clock { get; } = new(ConsoleSeed.Start);

    /// <summary>The agent protocol timings the pages use; a test may change them before it renders.</summary>
    protected AgentApiOptions AgentApi { get; } = new();

    /// <summary>Seeding through the real repositories and services.</summary>
    protected ConsoleSeed Seed => _seed ??= new ConsoleSeed(Context.Services, Clock);

    /// <summary>The MudBlazor dialog host, once <see cref="RenderWithProviders{TComponent}"/> ran.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    /// <summary>The MudBlazor popover host (select menus, tooltips), once rendered.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    public async Task InitializeAsync() =>
        await Context.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();

        // Pooled connections keep the file open; release them so the directory can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Renders the popover and dialog providers, as MainLayout does, then the component.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Popovers = Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        return Context.Render(parameters);
    }

    /// <summary>Presents a user with this role, admitted by the policies of this role and those below it.</summary>
    protected void SignInAs(UserRole role)
    {
        Authorization.SetAuthorized(role.ToString().ToLowerInvariant());
        Authorization.SetRoles(role.ToString());
        Authorization.SetPolicies(
            Policies.RolesFor(UserRole.Viewer).Where(p => Enum.Parse<UserRole>(p) <= role).ToArray());
    }

    /// <summary>Lets a live refresh that an event or a timer asked for run.</summary>
    protected void PassRefreshInterval() => Clock.Advance(PastRefreshInterval);

    private void AddServices(IServiceCollection services)
    {
        services.AddMudServices();
        services.AddLogging();
        services.AddCloudAssistData(Path.Combine(_directory, "cloudassist.db"), BusyTimeoutMilliseconds);
        services.Configure<OutputOptions>(o => o.MaxBytesPerTask = 64 * 1024);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Options.Create(AgentApi));
        services.AddSingleton<ConsoleNotifier>();
        services.AddSingleton<InstanceSignals>();
        services.AddSingleton<InvocationService>();
        services.AddSingleton<CommandService>();
        services.AddScoped<ConsoleUser>();
        services.AddScoped<ConsoleConnection>();
        services.AddSingleton<InstanceService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ActivationCodeService>();
        services.AddSingleton<InstanceCredentials>();
    }
}
