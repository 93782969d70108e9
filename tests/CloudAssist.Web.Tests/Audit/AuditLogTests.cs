using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CloudAssist.Web.Tests.Audit;

public sealed class AuditLogTests
{
    [Fact]
    public async Task RecordAsync_StoreFails_LogsTheWholeEntryAsErrorAndDoesNotThrow()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ca-audit-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            // Never migrated: there is no audit_log table, so every append fails.
            var connections = new SqliteConnectionFactory(Path.Combine(directory, "empty.db"), 1000);
            var logger = new CapturingLogger();
            var sut = new AuditLog(new AuditRepository(connections), new FakeTimeProvider(), logger);

            await sut.RecordAsync(
                new AuditActor("alice", "10.0.0.1"),
                "command.deleted",
                "command",
                "cmd-1",
                "Command x deleted",
                new { A = 1 });

            var (level, message, exception) = Assert.Single(logger.Entries);
            Assert.Equal(LogLevel.Error, level);
            Assert.NotNull(exception);
            Assert.Contains("alice command.deleted command cmd-1: Command x deleted", message);
            Assert.Contains("""{"a":1}""", message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class CapturingLogger : ILogger<AuditLog>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
