using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Invocations;

namespace CloudAssist.Bench.Hosting;

/// <summary>The operator API calls the benchmarks make: activation codes and invocations.</summary>
public sealed class OperatorClient(HttpClient http, string serverUrl, string token)
{
    private readonly Uri _base = new(serverUrl + "/api/v1/");

    public async Task<string> CreateActivationCodeAsync(int usageLimit, CancellationToken cancellationToken)
    {
        var request = new CreateActivationCodeRequest("benchmark fleet", usageLimit, 2);
        using var response = await SendAsync(HttpMethod.Post, "activation-codes", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedActivationCode>(BenchJson.Options, cancellationToken);
        return created!.Code;
    }

    public async Task<InvocationRecord> InvokeAsync(
        string content,
        IReadOnlyList<string> instanceIds,
        CancellationToken cancellationToken)
    {
        var request = new CreateInvocationRequest { Content = content, InstanceIds = instanceIds, TimeoutSeconds = 300 };
        using var response = await SendAsync(HttpMethod.Post, "invocations", request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"Creating the invocation failed: {(int)response.StatusCode} {problem}");
        }

        return (await response.Content.ReadFromJsonAsync<InvocationRecord>(BenchJson.Options, cancellationToken))!;
    }

    public async Task<InvocationDetails> GetInvocationAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"invocations/{id}", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InvocationDetails>(BenchJson.Options, cancellationToken))!;
    }

    /// <summary>Polls until the invocation has a final status, every <paramref name="interval"/>, within <paramref name="timeout"/>.</summary>
    public async Task<InvocationDetails> WaitForFinalAsync(
        string id,
        TimeSpan interval,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var details = await GetInvocationAsync(id, deadline.Token);
                if (InvocationStatusRules.IsFinal(details.Invocation.Status))
                {
                    return details;
                }

                await Task.Delay(interval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Invocation {id} did not finish within {timeout.TotalSeconds:F0} s.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        // Per request, not on the client: the same HttpClient carries the virtual agents' credentials.
        using var request = new HttpRequestMessage(method, new Uri(_base, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: BenchJson.Options);
        return await http.SendAsync(request, cancellationToken);
    }
}
