using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>A message as the sink received it: the SMTP envelope and the parsed message.</summary>
public sealed record ReceivedEmail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server on a loopback port for tests. It speaks the plain SMTP a client needs
/// (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT), keeps each accepted
/// message parsed with MimeKit, and can misbehave on purpose: <see cref="Stop"/> (nothing
/// listening), <see cref="Refusing"/> (421 greeting), <see cref="RejectRecipient"/> (550 on RCPT).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();
    private readonly Channel<ReceivedEmail> _arrivals = Channel.CreateUnbounded<ReceivedEmail>();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    private SmtpSink(int port) => Port = port;

    public int Port { get; private set; }

    /// <summary>While true, every new connection gets "421 Service not available" and is closed.</summary>
    public bool Refusing { get; set; }

    /// <summary>Recipients answered with "550 no such user".</summary>
    public Func<string, bool> RejectRecipient { get; set; } = _ => false;

    public IReadOnlyCollection<ReceivedEmail> Received => _received;

    public static SmtpSink Start()
    {
        var sink = new SmtpSink(0);
        sink.Listen();
        return sink;
    }

    /// <summary>Stops listening: connections are refused until <see cref="Restart"/>.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener?.Dispose();
        _listener = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restart()
    {
        Stop();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        Listen();
    }

    /// <summary>The next message to arrive (or one that arrived and was not yet taken).</summary>
    public async Task<ReceivedEmail> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _arrivals.Reader.ReadAsync(cts.Token);
    }

    private void Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = AcceptAsync(listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                _ = ServeAsync(client, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            // Latin-1 maps bytes to chars one to one, so 8-bit content survives the round trip.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            if (Refusing)
            {
                await writer.WriteLineAsync("421 4.3.2 Service not available");
                return;
            }
            await writer.WriteLineAsync("220 sink.test ESMTP test sink");
            await SessionAsync(reader, writer, ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink stopped.
        }
    }

    private async Task SessionAsync(StreamReader reader, StreamWriter writer, CancellationToken ct)
    {
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink.test\r\n250 8BITMIME");
                    break;
                case "HELO" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    from = AngleAddress(line);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var to = AngleAddress(line);
                    if (RejectRecipient(to))
                    {
                        await writer.WriteLineAsync("550 5.1.1 No such user");
                        break;
                    }
                    recipients.Add(to);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA" when from is not null && recipients.Count > 0:
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var message = await ReadDataAsync(reader, ct);
                    var received = new ReceivedEmail(from, recipients.ToArray(), message);
                    _received.Enqueue(received);
                    _arrivals.Writer.TryWrite(received);
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("503 5.5.1 Need MAIL and RCPT first");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }

    private static async Task<MimeMessage> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        using var content = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()));
        return await MimeMessage.LoadAsync(content, ct);
    }

    private static string AngleAddress(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
