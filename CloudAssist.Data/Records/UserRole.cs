namespace CloudAssist.Data.Records;

/// <summary>What a console user or API token may do. Each role includes everything below it.</summary>
public enum UserRole
{
    /// <summary>Reads everything an operator sees; changes nothing.</summary>
    Viewer = 0,

    /// <summary>Manages commands and schedules, invokes, stops and sends files.</summary>
    Operator = 1,

    /// <summary>Everything, including users, activation codes, instances and the audit log.</summary>
    Administrator = 2,
}
