using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>What one retention pass did.</summary>
public readonly record struct RetentionResult(int InquiriesDeleted, int EmailsCleared);

/// <summary>
/// Every <c>Privacy:PollMinutes</c> (and by hand, <c>privacy-pass</c>): deletes the public form's
/// requests that never became patients once <c>Privacy:InquiryRetentionMonths</c> have passed since
/// their last change, with their documents, and empties the addresses, subjects and bodies of emails
/// sent or given up more than <c>Privacy:OutboxRetentionDays</c> ago. All state is in the database,
/// so a pass after a crash just continues; logs carry counts only.
/// </summary>
public sealed class RetentionPass(
    IServiceScopeFactory scopes,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionPass> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RetentionPassEnabled)
        {
            logger.LogInformation("Privacy:RetentionPassEnabled is false: old requests and email are not removed in the background");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await RunPassAsync(stoppingToken);
                logger.LogInformation("Retention pass: {Inquiries} requests deleted, {Emails} emails cleared", result.InquiriesDeleted, result.EmailsCleared);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Retention pass failed ({Error}); next try in {Minutes} min", e.GetType().Name, options.Value.PollMinutes);
            }
            try { await Task.Delay(options.Value.Poll, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<RetentionResult> RunPassAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var deleted = 0;
        var inquiriesBefore = now.AddMonths(-o.InquiryRetentionMonths);
        while (true)
        {
            var expired = await InquiryDeletion.ExpiredAsync(db, inquiriesBefore, Batch, ct);
            foreach (var id in expired)
                if (await InquiryDeletion.DeleteAsync(db, id, InquiryDeletion.Retention, "system", null, null, now, ct)) deleted++;
            if (expired.Count < Batch) break;
        }
        var cleared = await OutboxPrivacy.ClearOldAsync(db, now.AddDays(-o.OutboxRetentionDays), ct);
        return new RetentionResult(deleted, cleared);
    }
}
