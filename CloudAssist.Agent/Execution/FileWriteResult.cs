namespace CloudAssist.Agent.Execution;

/// <summary>What writing a delivered file came to: a line for the task's output, or an error code and message.</summary>
public sealed record FileWriteResult(string? ErrorCode, string Message)
{
    public bool Succeeded => ErrorCode is null;

    public static FileWriteResult Written(string line) => new(null, line);

    public static FileWriteResult Failed(string errorCode, string message) => new(errorCode, message);
}
