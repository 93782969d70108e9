using System.Text;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Invocations;

/// <summary>
/// A task's stored output as text, with a marker where bytes were dropped, and the same text cut
/// into segments by stream so stderr can be shown apart.
/// </summary>
public sealed record TaskOutputView(
    string TaskId,
    string Text,
    long TotalBytes,
    long DroppedBytes,
    IReadOnlyList<OutputSegment> Segments)
{
    /// <summary>Decodes stored output; bytes that are not UTF-8 become U+FFFD rather than failing.</summary>
    public static TaskOutputView From(string taskId, TaskOutput output)
    {
        var segments = Split(output.Head, 0, output.Marks);
        if (output.DroppedBytes > 0)
        {
            segments.Add(new OutputSegment("dropped", $"\n[... {output.DroppedBytes} bytes of output dropped ...]\n"));
            segments.AddRange(Split(output.Tail, output.TailOffset, output.Marks));
        }

        var text = string.Concat(segments.Select(s => s.Text));
        return new TaskOutputView(taskId, text, output.TotalBytes, output.DroppedBytes, segments);
    }

    private static List<OutputSegment> Split(byte[] bytes, long baseOffset, IReadOnlyList<OutputMark> marks)
    {
        var segments = new List<OutputSegment>();
        var start = 0;
        while (start < bytes.Length)
        {
            var at = baseOffset + start;
            var stream = marks.LastOrDefault(m => m.ByteOffset <= at)?.Stream ?? "stdout";
            var next = marks.FirstOrDefault(m => m.ByteOffset > at && m.ByteOffset < baseOffset + bytes.Length);
            var end = next is null ? bytes.Length : (int)(next.ByteOffset - baseOffset);
            var text = Encoding.UTF8.GetString(bytes, start, end - start);
            if (segments.Count > 0 && segments[^1].Stream == stream)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            }
            else
            {
                segments.Add(new OutputSegment(stream, text));
            }

            start = end;
        }

        return segments;
    }
}

/// <summary>A stretch of output from one stream: <c>stdout</c>, <c>stderr</c>, or <c>dropped</c> for the cut marker.</summary>
public sealed record OutputSegment(string Stream, string Text);
