using System.CommandLine;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>
/// <c>backup --to FILE</c>, <c>restore --from FILE</c> and <c>verify-audit</c>, on the configured
/// database with the web app's configuration (<see cref="CommandHost"/>). Each prints one JSON line
/// on success (exit 0) or one <c>error: ...</c> line (exit 1).
/// </summary>
public static class BackupCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<Command> Create() => [BackupCommand(), RestoreCommand(), VerifyAuditCommand()];

    private static Command BackupCommand()
    {
        var to = CommandOption.Text("--to", "FILE", "the backup file to write (must not exist)");
        var command = new Command("backup",
            "Writes an encrypted, consistent snapshot of the registry (with a manifest of every table) while the app may run. " +
            "The key is Backup:KeyFile, made on first use. " + CommandHost.ArgumentsHelp)
        { to };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, ct) =>
        {
            await using var app = CommandHost.CreateBuilder(CommandHost.Arguments(parsed)).Build();
            var result = await Refusing(() => app.Services.GetRequiredService<RegistryBackup>().CreateAsync(parsed.GetValue(to)!, ct));
            await parsed.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        });
        return command;
    }

    private static Command RestoreCommand()
    {
        var from = CommandOption.Text("--from", "FILE", "the backup file to restore");
        var command = new Command("restore",
            "Restores a backup into the configured database, which must be empty, after checking the whole file and its manifest. " +
            "Refuses a damaged, altered or wrong-key file and a database that is not empty, touching nothing. " + CommandHost.ArgumentsHelp)
        { from };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, ct) =>
        {
            await using var app = CommandHost.CreateBuilder(CommandHost.Arguments(parsed)).Build();
            var result = await Refusing(() => app.Services.GetRequiredService<RegistryBackup>().RestoreAsync(parsed.GetValue(from)!, ct));
            await parsed.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        });
        return command;
    }

    private static Command VerifyAuditCommand()
    {
        var command = new Command("verify-audit",
            "Walks the audit trail's hash chain from its first line: exit 0 when it holds, 1 naming the first broken line. " + CommandHost.ArgumentsHelp);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, ct) =>
        {
            await using var app = CommandHost.CreateBuilder(CommandHost.Arguments(parsed)).Build();
            using var scope = app.Services.CreateScope();
            var report = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), ct);
            if (!report.Intact) throw new CliException(report.Summary);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(
                new { intact = true, lines = report.LinesChecked, head = report.Head, elapsedMs = (long)report.Took.TotalMilliseconds }, Json));
        });
        return command;
    }

    private static async Task<T> Refusing<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (BackupRefusedException e)
        {
            throw new CliException(e.Message);
        }
    }
}
