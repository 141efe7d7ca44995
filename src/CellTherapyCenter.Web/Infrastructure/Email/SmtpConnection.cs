using CellTherapyCenter.Data.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CellTherapyCenter.Web.Infrastructure.Email;

/// <summary>One SMTP session for a dispatch pass: opened at the first message, reused, closed at the end.</summary>
internal sealed class SmtpConnection(EmailOptions options) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = options.Smtp.TimeoutSeconds * 1000 };

    public async Task SendAsync(OutboundEmail email, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            var smtp = options.Smtp;
            await _client.ConnectAsync(smtp.Host, smtp.Port, Socket(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        using var message = ToMime(email, options.From);
        await _client.SendAsync(message, ct);
    }

    public static MimeMessage ToMime(OutboundEmail email, EmailSender from)
    {
        var sender = new MailboxAddress(from.DisplayName, from.Address);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(email.CreatedAt, DateTimeKind.Utc)),
            // Stable across retries, so a receiver can tell a repeat (after a lost acknowledgement) from a new message.
            MessageId = $"{email.Id:N}@{sender.Domain}",
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies
        return message;
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
        {
            // Everything was sent and recorded already; a failed QUIT changes nothing.
        }
        _client.Dispose();
    }
}
