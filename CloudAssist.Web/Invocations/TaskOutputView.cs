using System.Text;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Invocations;

/// <summary>A task's stored output as text, with a marker where bytes were dropped.</summary>
public sealed record TaskOutputView(string TaskId, string Text, long TotalBytes, long DroppedBytes)
{
    /// <summary>Decodes stored output; bytes that are not UTF-8 become U+FFFD rather than failing.</summary>
    public static TaskOutputView From(string taskId, TaskOutput output)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(output.Head));
        if (output.DroppedBytes > 0)
        {
            text.Append($"\n[... {output.DroppedBytes} bytes of output dropped ...]\n");
            text.Append(Encoding.UTF8.GetString(output.Tail));
        }

        return new TaskOutputView(taskId, text.ToString(), output.TotalBytes, output.DroppedBytes);
    }
}
