using System.Text;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Web.Tests.Security;

/// <summary>Every row of the tables that hold what operators and agents stored, as text to compare.</summary>
public static class StoreSnapshot
{
    private static readonly string[] Tables =
    [
        "commands", "activation_codes", "instances", "invocations", "invocation_tasks", "task_output",
        "task_output_streams", "schedules", "schedule_runs", "file_transfers",
    ];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string dataDirectory)
    {
        var path = System.IO.Path.Combine(dataDirectory, "cloudassist.db");
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, string>();
        foreach (var table in Tables)
        {
            snapshot[table] = await DumpAsync(connection, table);
        }

        return snapshot;
    }

    private static async Task<string> DumpAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(reader.GetName(i)).Append('=')
                    .Append(value is byte[] bytes ? Convert.ToBase64String(bytes) : value.ToString()).Append('|');
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
