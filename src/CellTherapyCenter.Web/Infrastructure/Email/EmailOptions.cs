using Microsoft.Extensions.Options;
using MimeKit;

namespace CellTherapyCenter.Web.Infrastructure.Email;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// The <c>Email</c> configuration section. With <see cref="Enabled"/> false (the default) messages
/// are queued in the database and nothing is sent; turning it on later sends the backlog.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public bool Enabled { get; set; }
    public EmailSender From { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public double PollSeconds { get; set; } = 5;
    /// <summary>After this many attempts a message is marked failed and left for staff.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Delay after the first failure; each further failure waits four times longer, up to <see cref="MaxRetryMinutes"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 30;
    public double MaxRetryMinutes { get; set; } = 240;
    /// <summary>How long a claimed message is reserved for one dispatcher; must outlast one SMTP send.</summary>
    public double LeaseSeconds { get; set; } = 300;
    public int BatchSize { get; set; } = 20;

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>30 s, 2 min, 8 min, 32 min, 2 h 8 min, then the cap (defaults).</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = FirstRetrySeconds * Math.Pow(4, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryMinutes * 60));
    }
}

public sealed class EmailSender
{
    public string Address { get; set; } = "";
    public string? DisplayName { get; set; }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    /// <summary>Empty: no authentication. Set the password outside the repository (environment, user secrets).</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Refuses to start with sending switched on but not configured, rather than failing every message.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions o)
    {
        var problems = new List<string>();
        if (o.PollSeconds <= 0) problems.Add("Email:PollSeconds must be positive.");
        if (o.MaxAttempts < 1) problems.Add("Email:MaxAttempts must be at least 1.");
        if (o.BatchSize < 1) problems.Add("Email:BatchSize must be at least 1.");
        if (o.FirstRetrySeconds <= 0 || o.MaxRetryMinutes <= 0) problems.Add("Email retry delays must be positive.");
        if (o.LeaseSeconds < 3 * o.Smtp.TimeoutSeconds)
            problems.Add("Email:LeaseSeconds must be at least three SMTP timeouts (connect, authenticate, send).");
        if (o.Enabled)
        {
            if (!MailboxAddress.TryParse(o.From.Address, out _)) problems.Add("Email:From:Address must be an email address.");
            if (string.IsNullOrWhiteSpace(o.Smtp.Host)) problems.Add("Email:Smtp:Host must be set when Email:Enabled is true.");
            if (o.Smtp.Port is < 1 or > 65535) problems.Add("Email:Smtp:Port must be 1-65535.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
