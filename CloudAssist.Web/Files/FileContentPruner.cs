using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Files;

/// <summary>
/// Drops the bytes of sent files once their invocation has ended, at the reaper's interval: no
/// task can need them any more, and up to 10 MiB per send would otherwise stay in the database.
/// </summary>
public sealed partial class FileContentPruner(
    FileTransferRepository files,
    IOptions<AgentApiOptions> options,
    TimeProvider time,
    ILogger<FileContentPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReaperIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var dropped = await files.DropContentOfEndedAsync(stoppingToken);
                if (dropped > 0)
                {
                    LogDropped(logger, dropped);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped the content of {Count} sent files whose invocations ended")]
    private static partial void LogDropped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropping the content of sent files failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
