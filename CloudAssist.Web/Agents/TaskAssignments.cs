using System.Text.Json;
using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Web.Commands;

namespace CloudAssist.Web.Agents;

/// <summary>Turns a deliverable task into what its agent receives, filling the built-in parameters.</summary>
public static class TaskAssignments
{
    public static TaskAssignment From(DeliverableTask task, InstanceRecord instance)
    {
        var builtIns = new Dictionary<string, string>
        {
            ["ca:InstanceId"] = instance.Id,
            ["ca:InstanceName"] = instance.Name,
            ["ca:Hostname"] = instance.Hostname,
            ["ca:InvocationId"] = task.InvocationId,
            ["ca:CommandId"] = task.CommandId ?? "",
        };
        var secrets = task.SecretValuesJson is null
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, string>>(task.SecretValuesJson) ?? [];
        var content = ScriptParameters.RenderBuiltIns(task.Content, task.CommandType, builtIns);
        content = ScriptParameters.Render(content, task.CommandType, secrets);
        var environment = JsonSerializer.Deserialize<Dictionary<string, string>>(task.EnvironmentJson) ?? [];
        return new TaskAssignment(
            task.Id, task.InvocationId, task.CommandType, content, task.WorkingDirectory, task.TimeoutSeconds, task.RunAs, environment,
            secrets.Values.Where(v => v.Length > 0).Distinct().ToList());
    }
}
