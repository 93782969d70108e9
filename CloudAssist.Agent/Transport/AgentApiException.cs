using System.Net;

namespace CloudAssist.Agent.Transport;

/// <summary>The server refused a call; <see cref="IsRetryable"/> says whether trying again can help.</summary>
public sealed class AgentApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized;

    public bool IsRetryable => (int)Status >= 500 || Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}
