using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Web.Agents;

/// <summary>Gives each file task in a poll answer the file it writes.</summary>
public static class FileAssignments
{
    /// <summary>
    /// The assignments, with <see cref="TaskAssignment.File"/> filled for file tasks. A file task
    /// whose bytes are gone goes without, and its agent ends it Error, CommandNotApplicable.
    /// </summary>
    public static async Task<List<TaskAssignment>> AttachAsync(
        IEnumerable<TaskAssignment> assignments,
        FileTransferRepository files,
        CancellationToken cancellationToken)
    {
        var attached = new List<TaskAssignment>();
        foreach (var assignment in assignments)
        {
            if (assignment.CommandType != CommandTypes.File)
            {
                attached.Add(assignment);
                continue;
            }

            var file = await files.GetAsync(assignment.InvocationId, cancellationToken);
            var content = await files.ReadContentAsync(assignment.InvocationId, cancellationToken);
            attached.Add(file is null || content is null ? assignment : assignment with
            {
                File = new FileTransfer(
                    file.FileName, file.TargetDirectory, file.Owner, file.Group, file.Mode, file.Overwrite, content),
            });
        }

        return attached;
    }
}
