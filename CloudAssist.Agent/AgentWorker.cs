using System.Collections.Concurrent;
using System.Reflection;
using CloudAssist.Agent.Execution;
using CloudAssist.Agent.State;
using CloudAssist.Agent.Transport;
using CloudAssist.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudAssist.Agent;

/// <summary>
/// The agent's main loop: register once, then long-poll for work, run tasks up to the
/// concurrency limit, kill the ones the server stops, and keep polling through outages with
/// capped, jittered backoff.
/// </summary>
public sealed partial class AgentWorker(
    IOptions<AgentOptions> options,
    AgentApiClient api,
    TimeProvider time,
    ILogger<AgentWorker> logger) : BackgroundService
{
    private readonly AgentOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<string, Task> _runs = new();
    private readonly AgentStateStore _state = new(options.Value.StateDirectory);
    private readonly RecentTaskIds _finished = new(1000);
    private readonly IReadOnlyList<string> _interpreters = Interpreters.Available();
    private CancellationTokenSource? _fullPoll;
    private bool _refusalLogged;

    public static string Version { get; } =
        typeof(AgentWorker).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>The instance id once registered; null before.</summary>
    public string? InstanceId { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var enrollment = new AgentEnrollment(_options, api, _state, time, logger);
        var identity = await enrollment.EnsureIdentityAsync(Version, stoppingToken);
        if (identity is null)
        {
            return;
        }

        InstanceId = identity.InstanceId;
        var runner = CreateRunner();
        ResumeJournaledTasks(runner, stoppingToken);
        await PollLoopAsync(runner, enrollment, stoppingToken);
    }

    private TaskRunner CreateRunner()
    {
        var reporter = new Reporter(api, TimeSpan.FromSeconds(_options.MaxBackoffSeconds), logger);
        return new TaskRunner(reporter, new ScriptProcess(time), time,
            TimeSpan.FromMilliseconds(_options.OutputFlushMilliseconds), logger);
    }

    private async Task PollLoopAsync(TaskRunner runner, AgentEnrollment enrollment, CancellationToken ct)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(_options.MaxBackoffSeconds));
        var bootId = MachineFacts.BootId(_options);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var work = await PollOnceAsync(bootId, ct);
                if (work is null)
                {
                    continue;
                }

                backoff.Reset();
                _refusalLogged = false;
                foreach (var stop in work.Stops)
                {
                    if (_running.TryGetValue(stop, out var cts))
                    {
                        await cts.CancelAsync();
                    }
                }

                foreach (var assignment in work.Tasks)
                {
                    StartTask(runner, assignment, TaskJournal.Create(_state, assignment), ct);
                }

                if (work.RotateCredential)
                {
                    await enrollment.RotateCredentialAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (AgentApiException ex) when (ex.IsUnauthorized)
            {
                await WaitAfterRefusalAsync(ex, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or AgentApiException or TaskCanceledException)
            {
                var delay = backoff.Next();
                LogServerUnreachable(logger, delay.TotalSeconds, ServerCertificateTrust.Describe(ex));
                await Task.Delay(delay, time, ct);
            }
        }

        await Task.WhenAll(_running.Keys.Select(WaitForTaskAsync));
    }

    /// <summary>
    /// One poll. A poll sent while every slot was busy is cut short when a task ends, so the
    /// freed slot is offered at once rather than after the hold; null then.
    /// </summary>
    private async Task<PollResponse?> PollOnceAsync(string bootId, CancellationToken ct)
    {
        var freeSlots = Math.Max(0, _options.MaxConcurrentTasks - _running.Count);
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _fullPoll = freeSlots == 0 ? poll : null;
        try
        {
            if (freeSlots == 0 && _running.Count < _options.MaxConcurrentTasks)
            {
                return null; // A task ended between counting and arming.
            }

            var request = new PollRequest(bootId, freeSlots, _running.Keys.ToList(), Version, _interpreters);
            return await api.PollAsync(request, poll.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            _fullPoll = null;
        }
    }

    /// <summary>
    /// A refused credential (the instance was deregistered, say) cannot heal by itself: the reason
    /// is logged once, and the agent asks again only every <see cref="AgentOptions.RefusedRetrySeconds"/>.
    /// </summary>
    private async Task WaitAfterRefusalAsync(AgentApiException refusal, CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(_options.RefusedRetrySeconds);
        if (_refusalLogged)
        {
            LogStillRefused(logger, delay.TotalSeconds);
        }
        else
        {
            LogCredentialRefused(logger, refusal.Message, delay.TotalSeconds);
            _refusalLogged = true;
        }

        await Task.Delay(delay, time, ct);
    }

    private Task WaitForTaskAsync(string taskId) => _runs.TryGetValue(taskId, out var run) ? run : Task.CompletedTask;

    private void StartTask(
        TaskRunner runner,
        TaskAssignment assignment,
        TaskJournal journal,
        CancellationToken shutdown)
    {
        if (_finished.Contains(assignment.TaskId))
        {
            journal.Delete();
            return; // A redelivery that crossed the finished report: it already ran here.
        }

        var stop = new CancellationTokenSource();
        if (!_running.TryAdd(assignment.TaskId, stop))
        {
            stop.Dispose();
            return; // Delivered again while it runs: the server cannot know we got it the first time.
        }

        _runs[assignment.TaskId] = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(assignment, journal, stop.Token, shutdown);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                // The journal keeps the result; the next start reports it.
            }
            catch (Exception ex)
            {
                LogTaskFailed(logger, ex, assignment.TaskId);
            }
            finally
            {
                _finished.Add(assignment.TaskId);
                _running.TryRemove(assignment.TaskId, out _);
                _runs.TryRemove(assignment.TaskId, out _);
                stop.Dispose();
                CancelFullPoll();
            }
        }, CancellationToken.None);
    }

    private void CancelFullPoll()
    {
        try
        {
            _fullPoll?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That poll already ended.
        }
    }

    private void ResumeJournaledTasks(TaskRunner runner, CancellationToken ct)
    {
        foreach (var directory in _state.ExistingTaskDirectories())
        {
            var journal = new TaskJournal(directory);
            if (journal.ReadAssignment() is not { } assignment)
            {
                journal.Delete();
                continue;
            }

            if (journal.ReadResult() is null)
            {
                // The previous agent process died while the script ran; its outcome is lost.
                journal.WriteResult(new ScriptResult(TaskOutcome.Error, null, ErrorCodes.ExecutionInterrupted,
                    "The agent restarted while the script ran.", time.GetUtcNow()));
            }

            StartTask(runner, assignment, journal, ct);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "The server refused this agent's credential, so it gets no work; "
            + "asking again every {RetrySeconds} s: {Reason}")]
    private static partial void LogCredentialRefused(ILogger logger, string reason, double retrySeconds);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "The credential is still refused; asking again in {RetrySeconds} s")]
    private static partial void LogStillRefused(ILogger logger, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Server unreachable, retrying in {DelaySeconds:F1} s: {Reason}")]
    internal static partial void LogServerUnreachable(ILogger logger, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} failed inside the agent")]
    private static partial void LogTaskFailed(ILogger logger, Exception exception, string taskId);
}
