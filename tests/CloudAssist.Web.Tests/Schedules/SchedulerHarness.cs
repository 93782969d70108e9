using System.Security.Cryptography;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;
using CloudAssist.Web.Schedules;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudAssist.Web.Tests.Schedules;

/// <summary>
/// The scheduler's real parts on a real SQLite file and a fake clock, with registered instances.
/// <see cref="NewScheduler"/> gives a fresh scheduler on the same file, as a restarted server has.
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ConsoleNotifier _notifier = new(NullLogger<ConsoleNotifier>.Instance);
    private readonly InvocationService _invocationService;
    private readonly int _graceSeconds;

    private SchedulerHarness(string directory, DateTimeOffset start, int graceSeconds)
    {
        _directory = directory;
        _graceSeconds = graceSeconds;
        Time = new FakeTimeProvider(start);
        var connections = new SqliteConnectionFactory(Path.Combine(directory, "cloudassist.db"), 5000);
        Schedules = new ScheduleRepository(connections);
        Runs = new ScheduleRunRepository(connections);
        Invocations = new InvocationRepository(connections);
        Tasks = new TaskRepository(connections);
        Instances = new InstanceRepository(connections);
        Codes = new ActivationCodeRepository(connections);
        Migrations = new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance);
        Audit = new AuditRepository(connections);
        var audit = new AuditLog(Audit, Time, NullLogger<AuditLog>.Instance);
        _invocationService = new InvocationService(
            new CommandRepository(connections), Instances, Invocations, new InstanceSignals(), _notifier, audit, Time,
            NullLogger<InvocationService>.Instance);
        Service = new ScheduleService(
            Schedules, new CommandRepository(connections), Instances, Wakeup, _notifier, audit, Time,
            NullLogger<ScheduleService>.Instance);
        Firing = new ScheduleFiring(
            _invocationService, Instances, Runs, _notifier, Time, NullLogger<ScheduleFiring>.Instance);
        Reboots = new RebootDispatcher(Schedules, Runs, Firing, Time, NullLogger<RebootDispatcher>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public ScheduleRepository Schedules { get; }

    public ScheduleRunRepository Runs { get; }

    public InvocationRepository Invocations { get; }

    public TaskRepository Tasks { get; }

    public InstanceRepository Instances { get; }

    public ActivationCodeRepository Codes { get; }

    public MigrationRunner Migrations { get; }

    public AuditRepository Audit { get; }

    /// <summary>Who the harness's own changes are made by.</summary>
    public static AuditActor Operator { get; } = new("operator", null);

    public ScheduleService Service { get; }

    public ScheduleFiring Firing { get; }

    public ScheduleWakeup Wakeup { get; } = new();

    public RebootDispatcher Reboots { get; }

    public string[] InstanceIds { get; private set; } = [];

    public static async Task<SchedulerHarness> CreateAsync(DateTimeOffset start, int instances = 1, int graceSeconds = 300)
    {
        DapperConfiguration.Apply();
        var directory = Path.Combine(Path.GetTempPath(), "ca-scheduler-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var harness = new SchedulerHarness(directory, start, graceSeconds);
        await harness.Migrations.MigrateAsync(CancellationToken.None);
        await harness.RegisterInstancesAsync(instances);
        return harness;
    }

    /// <summary>A scheduler on this database and clock; call again to simulate a restart.</summary>
    public Scheduler NewScheduler() => new(
        Schedules, Runs, Firing, Wakeup,
        Options.Create(new SchedulerOptions { MissedRunGraceSeconds = _graceSeconds }),
        Time, NullLogger<Scheduler>.Instance);

    /// <summary>Creates a schedule running <c>echo scheduled</c> on every instance; fails the test on errors.</summary>
    public async Task<ScheduleRecord> ScheduleAsync(SaveScheduleRequest request)
    {
        var (schedule, errors) = await Service.CreateAsync(
            request with { Content = request.Content ?? "echo scheduled", InstanceIds = request.InstanceIds.Count == 0 ? InstanceIds : request.InstanceIds },
            Operator,
            CancellationToken.None);
        Assert.True(schedule is not null, string.Join("; ", errors.SelectMany(e => e.Value)));
        return schedule;
    }

    /// <summary>Creates the invocation a schedule fired, as the scheduler does.</summary>
    public Task<(InvocationRecord? Invocation, Dictionary<string, string[]> Errors)> InvokeAsScheduleAsync(string scheduleId) =>
        _invocationService.CreateAsync(
            new CreateInvocationRequest { Content = "echo scheduled", InstanceIds = InstanceIds, ScheduleId = scheduleId },
            Operator,
            ScheduleFiring.ScheduleTrigger,
            CancellationToken.None);

    public async Task<List<InvocationRecord>> InvocationsOfAsync(string scheduleId) =>
        (await Invocations.ListAsync(null, 500, 0, CancellationToken.None))
            .Where(i => i.ScheduleId == scheduleId)
            .OrderBy(i => i.CreatedAt)
            .ToList();

    /// <summary>Ends every unfinished task of the schedule's invocations with success, as agents would.</summary>
    public async Task CompleteRunsAsync(string scheduleId)
    {
        var now = Time.GetUtcNow();
        foreach (var invocation in await InvocationsOfAsync(scheduleId))
        {
            foreach (var task in (await Invocations.ListTasksAsync(invocation.Id, CancellationToken.None)).Where(t => !t.IsFinished))
            {
                await Tasks.FinishAsync(
                    task.Id, task.InstanceId, new TaskFinish(InvocationTaskStatus.Success, 0, null, null, now), now, CancellationToken.None);
            }
        }
    }

    public Task<IReadOnlyList<ScheduleRunRecord>> RunsOfAsync(string scheduleId) =>
        Runs.ListAsync(scheduleId, 500, 0, CancellationToken.None);

    public async Task<ScheduleRecord> ReloadAsync(string scheduleId) =>
        (await Schedules.GetAsync(scheduleId, CancellationToken.None))!;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task RegisterInstancesAsync(int count)
    {
        var now = Time.GetUtcNow();
        var code = new ActivationCodeRecord
        {
            Id = Ids.New("act"),
            CodeHash = RandomNumberGenerator.GetBytes(32),
            Description = "scheduler tests",
            UsageLimit = count,
            ExpiresAt = now.AddDays(1),
            CreatedAt = now,
        };
        await Codes.CreateAsync(code, CancellationToken.None);
        InstanceIds = new string[count];
        for (var i = 0; i < count; i++)
        {
            var instance = new InstanceRecord
            {
                Id = Ids.New("i"),
                Name = $"host-{i + 1}",
                Hostname = $"host-{i + 1}",
                OsDescription = "Linux",
                CredentialHash = RandomNumberGenerator.GetBytes(32),
                ActivationCodeId = code.Id,
                RegisteredAt = now,
                LastSeenAt = now,
            };
            await Instances.RegisterAsync(instance, now, CancellationToken.None);
            InstanceIds[i] = instance.Id;
        }
    }
}
