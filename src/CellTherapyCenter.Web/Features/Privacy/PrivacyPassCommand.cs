using System.CommandLine;
using System.Text.Json;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>
/// `privacy-pass`: runs the retention pass now against the configured database (the public form's
/// expired requests deleted with their documents, old email emptied) and prints one JSON line with
/// the counts. For operators who want it now rather than at the next poll.
/// </summary>
public static class PrivacyPassCommand
{
    public static Command Create()
    {
        var command = new Command("privacy-pass",
            "Runs the retention pass now: deletes requests from the public form that never became patients once " +
            "Privacy:InquiryRetentionMonths have passed, with their documents, and empties emails sent more than " +
            "Privacy:OutboxRetentionDays ago; prints the counts as JSON. " + CommandHost.ArgumentsHelp);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, ct) =>
        {
            var builder = CommandHost.CreateBuilder(CommandHost.Arguments(parsed));
            await using var app = builder.Build();
            var result = await app.Services.GetRequiredService<RetentionPass>().RunPassAsync(ct);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new { result.InquiriesDeleted, result.EmailsCleared }));
        });
        return command;
    }
}
