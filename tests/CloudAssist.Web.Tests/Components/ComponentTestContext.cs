using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CloudAssist.Web.Tests.Components;

/// <summary>A bUnit context per test with MudBlazor's services, loose JS interop and a fake clock.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private bool _disposedAsync;

    protected ComponentTestContext()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Time);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected FakeTimeProvider Time { get; } = new(Now);

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously, and xunit 2 disposes a test
    // class synchronously after IAsyncLifetime; so dispose here and make the later call a no-op.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _disposedAsync = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposedAsync)
        {
            base.Dispose(disposing);
        }
    }
}
