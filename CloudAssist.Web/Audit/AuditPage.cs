using CloudAssist.Data.Records;

namespace CloudAssist.Web.Audit;

/// <summary>A page of audit entries, newest first, with how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);
