using System.Net.Sockets;
using MailKit.Net.Smtp;

namespace CellTherapyCenter.Web.Infrastructure.Email;

/// <summary>
/// What is stored and logged about a failed send: the exception type and SMTP status, never the
/// exception's message (servers echo addresses in their replies).
/// </summary>
internal static class EmailErrors
{
    public static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"{nameof(SmtpCommandException)} {(int)c.StatusCode} {c.ErrorCode}",
        SocketException s => $"{nameof(SocketException)} {s.SocketErrorCode}",
        _ => e.GetType().Name,
    };

    /// <summary>The server refused this recipient or message for good (5xx): retrying cannot help.</summary>
    public static bool IsPermanent(Exception e) =>
        e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } c
        && (int)c.StatusCode >= 500;

    /// <summary>
    /// Whether the failure concerns the server rather than this one message (unreachable, refusing,
    /// rejecting our sender or credentials): then the rest of the pass waits for the next poll.
    /// </summary>
    public static bool IsServerLevel(Exception e) =>
        e is not SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted };
}
