using System.Collections.Concurrent;
using System.Net;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>
/// The app with a public host name beside localhost, one trusted proxy, and every log line with an
/// exception kept. A test sets the connection's address with the <see cref="PeerHeader"/> header
/// (TestServer has no real peer), before the app's own pipeline reads it.
/// </summary>
public sealed class HttpTestApp : SqliteApp
{
    public const string PeerHeader = "X-Test-Peer";
    public const string TrustedProxy = "10.0.0.5";

    public ConcurrentQueue<string> Exceptions { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("AllowedHosts", "localhost;clinic.test"),
        new("ForwardedHeaders:KnownProxies:0", TrustedProxy),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new ExceptionLog(Exceptions)));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerFilter>());
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                await inner(context);
            });
            next(app);
        };
    }

    private sealed class ExceptionLog(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null || logLevel >= LogLevel.Error) lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
        }

        public void Dispose() { }
    }
}
