using System.Data;
using Dapper;

namespace CloudAssist.Data.Storage;

/// <summary>Dapper settings the repositories rely on; applied once per process.</summary>
public static class DapperConfiguration
{
    private static int _applied;

    /// <summary>Maps snake_case columns to PascalCase members and times to epoch milliseconds.</summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper's built-in mapping would send times as text; removing it routes them through the handler.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new EpochMillisecondsHandler());
    }

    private sealed class EpochMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.ToUnixTimeMilliseconds();
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
