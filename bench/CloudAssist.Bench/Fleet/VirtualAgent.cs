using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CloudAssist.Bench.Hosting;
using CloudAssist.Contracts;

namespace CloudAssist.Bench.Fleet;

/// <summary>
/// One agent in the simulator: it long-polls like the real agent and answers each task by the
/// profile (started, output chunks, finished Exited 0) without running anything.
/// </summary>
public sealed class VirtualAgent(
    HttpClient http,
    RegisterResponse identity,
    VirtualTaskProfile profile,
    FleetCounters counters)
{
    private readonly SemaphoreSlim _slots = new(profile.Slots);
    private readonly ConcurrentDictionary<string, byte> _running = new();
    private readonly ConcurrentDictionary<Task, byte> _answers = new();

    public string InstanceId => identity.InstanceId;

    /// <summary>Polls and answers tasks until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(TimeSpan firstPollDelay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(firstPollDelay, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(cancellationToken);
                _slots.Release();
                var work = await PollAsync(_slots.CurrentCount, cancellationToken);
                if (work is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                foreach (var task in work.Tasks.Where(t => _running.TryAdd(t.TaskId, 0)))
                {
                    await _slots.WaitAsync(cancellationToken);
                    var answer = AnswerAsync(task, cancellationToken);
                    _answers.TryAdd(answer, 0);
                    _ = answer.ContinueWith(a => _answers.TryRemove(a, out _), TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The benchmark is over; let the answers under way see the cancellation too.
        }

        await Task.WhenAll(_answers.Keys);
    }

    private async Task<PollResponse?> PollAsync(int freeSlots, CancellationToken cancellationToken)
    {
        counters.PollSent();
        var ok = false;
        try
        {
            var request = new PollRequest("bench-boot", freeSlots, _running.Keys.ToList(), "bench", ["shell"]);
            using var response = await PostAsync(AgentRoutes.Poll, request, cancellationToken);
            ok = response.IsSuccessStatusCode;
            return ok ? await response.Content.ReadFromJsonAsync<PollResponse>(BenchJson.Options, cancellationToken) : null;
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            return null;
        }
        finally
        {
            counters.PollEnded(ok);
        }
    }

    private async Task AnswerAsync(TaskAssignment task, CancellationToken cancellationToken)
    {
        try
        {
            if (!await ReportAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow), cancellationToken))
            {
                return;
            }

            counters.StartedStored(task.TaskId);
            await Task.Delay(profile.RunTime, cancellationToken);
            for (var offset = 0; offset < profile.OutputBytes; offset += profile.ChunkBytes)
            {
                var data = profile.Output[offset..Math.Min(profile.OutputBytes, offset + profile.ChunkBytes)];
                if (!await ReportAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(offset, data), cancellationToken))
                {
                    return;
                }

                counters.ChunkStored(data.Length);
            }

            var finished = new TaskFinishedReport(TaskOutcome.Exited, 0, null, null, DateTimeOffset.UtcNow, profile.OutputBytes);
            if (await ReportAsync(AgentRoutes.Finished(task.TaskId), finished, cancellationToken))
            {
                counters.FinishedStored(task.TaskId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The benchmark is over.
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            // Counted; a benchmark that lost reports says so in its figures.
            counters.ReportFailed();
        }
        finally
        {
            _running.TryRemove(task.TaskId, out _);
            _slots.Release();
        }
    }

    private async Task<bool> ReportAsync(string path, object report, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(path, report, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            counters.ReportFailed();
        }

        return response.IsSuccessStatusCode;
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BenchJson.Options));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = json };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.Credential);
        return http.SendAsync(request, cancellationToken);
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or JsonException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
