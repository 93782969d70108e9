namespace CloudAssist.Web.Instances;

/// <summary>A new activation code: how many instances may use it and for how long.</summary>
public sealed record CreateActivationCodeRequest(string? Description, int UsageLimit = 1, int ValidForHours = 24);
