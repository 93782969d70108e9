namespace CloudAssist.Bench.Fleet;

/// <summary>The one HTTP client all virtual agents share: a connection per concurrent request, no cap.</summary>
public static class FleetHttp
{
    public static HttpClient Create(string serverUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = new Uri(serverUrl),
        Timeout = TimeSpan.FromSeconds(100), // Longer than any poll hold, as the real agent's.
    };
}
