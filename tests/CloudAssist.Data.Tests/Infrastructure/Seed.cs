using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Data.Tests.Infrastructure;

/// <summary>Puts the rows a test stands on into its database, through the real repositories.</summary>
public static class Seed
{
    /// <summary>Registers <paramref name="count"/> instances with a fresh activation code; returns their ids.</summary>
    public static async Task<string[]> InstancesAsync(TempDatabase database, int count)
    {
        var code = TestData.ActivationCode(usageLimit: count);
        await new ActivationCodeRepository(database.Connections).CreateAsync(code, CancellationToken.None);

        var instances = new InstanceRepository(database.Connections);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var instance = TestData.Instance(code.Id, $"host-{i + 1}");
            if (!await instances.RegisterAsync(instance, TestData.Now, CancellationToken.None))
            {
                throw new InvalidOperationException("Seeding could not register an instance.");
            }

            ids[i] = instance.Id;
        }

        return ids;
    }

    /// <summary>Creates an invocation with one pending task per instance, in the order given.</summary>
    public static async Task<(InvocationRecord Invocation, InvocationTaskRecord[] Tasks)> InvocationAsync(
        TempDatabase database,
        DateTimeOffset createdAt,
        params string[] instanceIds)
    {
        var invocation = TestData.Invocation(instanceIds.Length, createdAt);
        var tasks = instanceIds.Select(id => TestData.Task(invocation, id)).ToArray();

        await new InvocationRepository(database.Connections).CreateAsync(invocation, tasks, CancellationToken.None);

        return (invocation, tasks);
    }
}
