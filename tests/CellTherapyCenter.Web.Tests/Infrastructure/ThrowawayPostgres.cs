using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one in <c>CTC_TEST_POSTGRES</c> when it is set (as
/// ./test.sh does), otherwise a throwaway cluster this test process starts on first use, exactly as
/// scripts/throwaway-postgres.sh does (initdb into a temporary directory, as the postgres user when
/// running as root; a free loopback port), and stops and deletes when the process exits. So a plain
/// <c>dotnet test</c> needs nothing set up beyond PostgreSQL being installed.
/// </summary>
public static class ThrowawayPostgres
{
    public const string ServerVariable = "CTC_TEST_POSTGRES";

    // Starting takes a few seconds on an idle machine; the bound is for a machine busy with other builds.
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);

    private static readonly Lazy<string> Server = new(() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } set ? set : StartCluster());

    /// <summary>A connection string to the server (no database named), e.g. Host=127.0.0.1;Port=55432;Username=postgres.</summary>
    public static string ServerConnectionString => Server.Value;

    private static string StartCluster()
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed and {ServerVariable} is not set: run ./test.sh (which installs it), " +
            "or apt-get install postgresql, or set CTC_TEST_POSTGRES to a server's connection string.");
        var directory = ScratchDirectory.Create("ctc-pg-");
        var data = Path.Combine(directory, "data");
        if (IsRoot) Run("chown", "postgres", directory);
        var port = FreePort();
        RemoveWhenThisProcessEnds(bin, directory);
        RunAsOwner(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        // fsync and full-page writes off: this cluster is deleted after the run, so a crash of the
        // machine loses nothing worth keeping. synchronous_commit off on the server, so the test that
        // reads it on the app's connection proves the app pins it on (as ./test.sh's cluster does).
        RunAsOwner(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(directory, "server.log"), "-w",
            "-t", ((int)StartBound.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off -c synchronous_commit=off",
            "start");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Maximum Pool Size=20";
    }

    /// <summary>
    /// A watcher in its own session that stops the cluster and deletes its directory once this test
    /// process is gone, however it ends: the test host may be killed right after the run (an
    /// exit handler did not always get to delete the directory) or on a crash.
    /// </summary>
    private static void RemoveWhenThisProcessEnds(string bin, string directory)
    {
        var stop = IsRoot ? $"runuser -u postgres -- '{bin}/pg_ctl'" : $"'{bin}/pg_ctl'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
            $"{stop} -D '{directory}/data' -m immediate stop >/dev/null 2>&1; rm -rf '{directory}'";
        var info = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var watcher = Process.Start(info) ?? throw new InvalidOperationException("Could not start the cluster's clean-up watcher.");
    }

    /// <summary>The newest installed version's binaries, as Debian lays them out.</summary>
    private static string? BinDirectory() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: Version.TryParse(Path.GetFileName(d) + ".0", out var v) ? v : new Version(0, 0)))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault()
        : null;

    // PostgreSQL refuses to run as root, so then it runs as the postgres user (as the script does).
    private static bool IsRoot => Environment.UserName == "root";

    private static void RunAsOwner(string program, params string[] arguments)
    {
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StartBound))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {StartBound.TotalSeconds} s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{errors.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
