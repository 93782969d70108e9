using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Infrastructure;

/// <summary>
/// Puts the rows a test stands on into its database through the real repositories and services,
/// and publishes the console events the server would publish for the same change.
/// </summary>
public sealed class ConsoleSeed(IServiceProvider services, TimeProvider clock)
{
    /// <summary>Who the seeded changes are made by, in the audit log and as <c>created_by</c>.</summary>
    public static AuditActor Tester { get; } = new("tester", null);

    /// <summary>The moment every test starts at; whole milliseconds, as the store keeps them.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private string? _activationCodeId;

    private ConsoleNotifier Notifier => services.GetRequiredService<ConsoleNotifier>();

    private InvocationRepository Invocations => services.GetRequiredService<InvocationRepository>();

    /// <summary>Registers an instance as its agent would; last seen <paramref name="lastSeenAgo"/> ago.</summary>
    public async Task<InstanceRecord> InstanceAsync(
        string name,
        TimeSpan? lastSeenAgo = null,
        IReadOnlyList<string>? tags = null,
        bool publish = false)
    {
        var now = clock.GetUtcNow();
        var instance = new InstanceRecord
        {
            Id = Ids.New("i"),
            Name = name,
            Hostname = name + ".example.internal",
            OsDescription = "Debian GNU/Linux 12",
            Addresses = "10.0.0.5",
            AgentVersion = "1.0.0",
            TagsJson = JsonSerializer.Serialize(tags ?? []),
            CredentialHash = RandomNumberGenerator.GetBytes(32),
            ActivationCodeId = await ActivationCodeIdAsync(),
            BootId = "boot-1",
            RegisteredAt = now - (lastSeenAgo ?? TimeSpan.Zero),
            LastSeenAt = now - (lastSeenAgo ?? TimeSpan.Zero),
        };
        var registered = await services.GetRequiredService<InstanceRepository>()
            .RegisterAsync(instance, now, CancellationToken.None);
        if (!registered)
        {
            throw new InvalidOperationException("Seeding could not register an instance.");
        }

        if (publish)
        {
            Notifier.Publish(new InstanceChanged(instance.Id));
        }

        return instance;
    }

    /// <summary>Saves a command through the command service.</summary>
    public async Task<CommandRecord> CommandAsync(
        string name,
        string content = "echo hello",
        string description = "",
        IReadOnlyList<CommandParameter>? parameters = null)
    {
        var request = new SaveCommandRequest
        {
            Name = name,
            Description = description,
            Content = content,
            Parameters = parameters ?? [],
        };
        var (command, errors) = await services.GetRequiredService<CommandService>()
            .CreateAsync(request, Tester, CancellationToken.None);
        return command
            ?? throw new InvalidOperationException("Seeding could not save a command: " + Describe(errors));
    }

    /// <summary>Runs ad hoc content on the instances through the service, which tells the console.</summary>
    public async Task<(InvocationRecord Invocation, IReadOnlyList<InvocationTaskRecord> Tasks)> InvocationAsync(
        string name,
        params InstanceRecord[] instances)
    {
        var request = new CreateInvocationRequest
        {
            Name = name,
            Content = "echo hello",
            InstanceIds = instances.Select(i => i.Id).ToList(),
        };
        var (invocation, errors) = await services.GetRequiredService<InvocationService>()
            .CreateAsync(request, Tester, "manual", CancellationToken.None);
        if (invocation is null)
        {
            throw new InvalidOperationException("Seeding could not create an invocation: " + Describe(errors));
        }

        return (invocation, await Invocations.ListTasksAsync(invocation.Id, CancellationToken.None));
    }

    /// <summary>Starts a task as its agent reports it, and tells the console.</summary>
    public async Task StartAsync(InvocationTaskRecord task)
    {
        var now = clock.GetUtcNow();
        var result = await services.GetRequiredService<TaskRepository>()
            .MarkStartedAsync(task.Id, task.InstanceId, now, now, CancellationToken.None);
        PublishChange(result?.Change);
    }

    /// <summary>Ends a task as its agent reports it, and tells the console.</summary>
    public async Task FinishAsync(InvocationTaskRecord task, InvocationTaskStatus status, int? exitCode)
    {
        var now = clock.GetUtcNow();
        var finish = new TaskFinish(status, exitCode, null, null, now);
        var result = await services.GetRequiredService<TaskRepository>()
            .FinishAsync(task.Id, task.InstanceId, finish, now, CancellationToken.None);
        PublishChange(result?.Change);
    }

    /// <summary>Runs a whole invocation to the given task outcomes, one per instance, in order.</summary>
    public async Task<InvocationRecord> FinishedInvocationAsync(
        string name,
        IReadOnlyList<InstanceRecord> instances,
        params InvocationTaskStatus[] outcomes)
    {
        var (invocation, tasks) = await InvocationAsync(name, [.. instances]);
        for (var i = 0; i < instances.Count; i++)
        {
            var task = tasks.Single(t => t.InstanceId == instances[i].Id);
            await StartAsync(task);
            await FinishAsync(task, outcomes[i], outcomes[i] == InvocationTaskStatus.Success ? 0 : 1);
        }

        return await Invocations.GetAsync(invocation.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The seeded invocation is gone.");
    }

    /// <summary>Appends output as the task's agent reports it, and tells the console.</summary>
    public async Task AppendOutputAsync(InvocationTaskRecord task, string text)
    {
        var stored = await Invocations.GetTaskAsync(task.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The task is gone.");
        var bytes = Encoding.UTF8.GetBytes(text);
        var result = await services.GetRequiredService<OutputRepository>()
            .AppendAsync(task.Id, task.InstanceId, stored.OutputReceived, bytes, CancellationToken.None);
        if (result.Outcome != OutputAppendOutcome.Appended)
        {
            throw new InvalidOperationException($"Output was not appended: {result.Outcome}.");
        }

        Notifier.Publish(new TaskOutputAppended(result.InvocationId, task.Id, result.NextOffset));
    }

    private static string Describe(Dictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value));

    private void PublishChange(TaskChange? change)
    {
        if (change is null)
        {
            throw new InvalidOperationException("The task did not change.");
        }

        Notifier.Publish(new TaskStatusChanged(change));
    }

    private async Task<string> ActivationCodeIdAsync()
    {
        if (_activationCodeId is not null)
        {
            return _activationCodeId;
        }

        var now = clock.GetUtcNow();
        var code = new ActivationCodeRecord
        {
            Id = Ids.New("act"),
            CodeHash = RandomNumberGenerator.GetBytes(32),
            Description = "console tests",
            UsageLimit = 1000,
            ExpiresAt = now.AddYears(1),
            CreatedAt = now,
        };
        var codes = services.GetRequiredService<ActivationCodeRepository>();
        await codes.CreateAsync(code, CancellationToken.None);
        return _activationCodeId = code.Id;
    }
}
