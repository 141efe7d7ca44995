using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Inquiries;

/// <summary>
/// The real app as its own process on a free loopback port, for tests that kill it. Start-up is
/// awaited on the app's own "Now listening on" line and then /health, within a bound generous
/// enough for a machine busy with browsers and databases; everything the process writes is kept
/// and goes into the failure message.
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildApp(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What the process wrote so far, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output) return $"\n--- app output (port {Port}) ---\n{_output}--- end of app output ---";
        }
    }

    public static async Task<ChildApp> StartAsync(string provider, string connectionString, string directory)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CellTherapyCenter.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory,
        };
        info.Environment["Database__Provider"] = provider;
        info.Environment["ConnectionStrings__Registry"] = connectionString;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Admin__Email"] = RegistryAppFactory.AdminEmail;
        info.Environment["Admin__Password"] = RegistryAppFactory.TestPassword;
        info.Environment["DataProtection__KeysPath"] = Path.Combine(directory, "keys");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The host's "Now listening on" line is how the test knows the app is up.
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var app = new ChildApp(Process.Start(info)!, port);
        app._process.OutputDataReceived += (_, e) => app.Received(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Received(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Now listening on", StringComparison.Ordinal)) _listening.TrySetResult();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var bound = new CancellationTokenSource(StartBound);
        var exited = _process.WaitForExitAsync(bound.Token);
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(Timeout.InfiniteTimeSpan, bound.Token));
        if (first != _listening.Task)
            throw new TimeoutException(_process.HasExited
                ? $"The app exited with {_process.ExitCode} before it listened.{Output}"
                : $"The app did not listen within {StartBound.TotalSeconds} s.{Output}");

        using var client = Client();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health", bound.Token)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (OperationCanceledException) when (bound.IsCancellationRequested) { }
            if (bound.IsCancellationRequested || _process.HasExited)
                throw new TimeoutException($"The app listened but was not healthy within {StartBound.TotalSeconds} s.{Output}");
            // A pause between polls of a condition, not a guess at how long start-up takes.
            try { await Task.Delay(100, bound.Token); } catch (OperationCanceledException) { }
        }
    }

    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{Port}"),
        Timeout = StartBound,
    };

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
