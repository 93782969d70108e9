namespace CloudAssist.Web.Security;

/// <summary>
/// Where a console circuit's user connected from: the network address of the page request that
/// started the circuit (after <c>Security:KnownProxies</c> has been applied). A circuit has no
/// request of its own to ask, so <c>App</c> reads the address while it still has one and hands it
/// to <c>Routes</c> as a root-component parameter, which Blazor protects with data protection; a
/// browser cannot change it.
/// </summary>
public sealed class ConsoleConnection
{
    /// <summary>The address, or null where none was known (a test host, say).</summary>
    public string? Address { get; private set; }

    /// <summary>Records the address once; later calls, which would come from re-renders, change nothing.</summary>
    public void Remember(string? address) => Address ??= address;
}
