using CloudAssist.Data.Records;

namespace CloudAssist.Web.Invocations;

/// <summary>An invocation with its tasks, as the operator API returns it.</summary>
public sealed record InvocationDetails(InvocationRecord Invocation, IReadOnlyList<InvocationTaskRecord> Tasks);
