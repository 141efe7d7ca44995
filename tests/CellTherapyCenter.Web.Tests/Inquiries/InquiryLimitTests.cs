using System.Net;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Inquiries;

/// <summary>The app with low limits, so the limits themselves can be reached in a test.</summary>
public sealed class LowLimitsApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("RateLimits:InquiriesPerHour", "3"),
        new("Inquiries:MaxFileBytes", "4096"),
    ];
}

public sealed class InquiryLimitTests(LowLimitsApp app) : IClassFixture<LowLimitsApp>
{
    [Fact]
    public async Task Limits_on_size_and_on_posts_per_address()
    {
        var client = app.CreateBrowserClient();
        // One post: an oversized document, refused beside the field.
        var html = StaffSession.Parse(await (await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields(), [("big.pdf", InquiryForm.Pdf(5000))])).Content.ReadAsStringAsync());
        Assert.Contains("\"big.pdf\" is larger than", html.QuerySelector("#documents-error")?.TextContent);

        // Two more posts reach the limit of three an hour; the fourth is refused with a time to retry.
        Assert.Equal(HttpStatusCode.Redirect, (await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields())).StatusCode);
        var refused = await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalMinutes, 1, 60);
        Assert.Contains("Please try again in", await refused.Content.ReadAsStringAsync());
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/request-information")).StatusCode);
    }
}
