namespace CloudAssist.Bench.Hosting;

/// <summary>A CloudAssist server on a fresh SQLite file, listening on 127.0.0.1.</summary>
public interface IBenchServer : IAsyncDisposable
{
    /// <summary>The base URL, e.g. http://127.0.0.1:41234.</summary>
    string Url { get; }

    /// <summary>The process to measure: the child server's, or this one when hosted in process.</summary>
    int ProcessId { get; }

    /// <summary>An administrator's API token for the operator calls.</summary>
    string OperatorToken { get; }
}
