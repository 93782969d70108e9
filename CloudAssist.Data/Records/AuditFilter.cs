namespace CloudAssist.Data.Records;

/// <summary>Which audit entries a search returns; every condition given must hold.</summary>
/// <param name="From">Only entries at or after this time, when given.</param>
/// <param name="To">Only entries before this time, when given.</param>
/// <param name="Actor">Only entries by this actor (exact name), when given.</param>
/// <param name="Action">
/// Only actions starting with this text (<c>command.</c>, <c>schedule.paused</c>), when given.
/// </param>
/// <param name="TargetKind">Only entries about this kind of target, when given.</param>
/// <param name="TargetId">Only entries about the target with this id, when given.</param>
/// <param name="Text">Only entries whose summary, target id or details contain this text, when given.</param>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? TargetKind = null,
    string? TargetId = null,
    string? Text = null);
