using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>
/// Configuration section <c>Privacy</c>: how long what is not registry data is kept. The records of
/// processing page (<c>/staff/privacy</c>) reads these values, so what it states stays true.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>A request from the public form that never became a patient is deleted, with its documents, this long after its last change.</summary>
    public int InquiryRetentionMonths { get; set; } = 24;
    /// <summary>A sent (or given-up) email's addresses, subject and bodies are emptied this long after.</summary>
    public int OutboxRetentionDays { get; set; } = 30;
    /// <summary>The retention pass runs in the background only when true (<c>privacy-pass</c> runs it by hand).</summary>
    public bool RetentionPassEnabled { get; set; } = true;
    public int PollMinutes { get; set; } = 60;

    public TimeSpan Poll => TimeSpan.FromMinutes(PollMinutes);
}

internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions o)
    {
        var errors = new List<string>();
        if (o.InquiryRetentionMonths is < 1 or > 240) errors.Add("Privacy:InquiryRetentionMonths must lie between 1 and 240.");
        if (o.OutboxRetentionDays is < 0 or > 3650) errors.Add("Privacy:OutboxRetentionDays must lie between 0 and 3650.");
        if (o.PollMinutes is < 1 or > 1440) errors.Add("Privacy:PollMinutes must lie between 1 and 1440.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
