using CellTherapyCenter.Web.Infrastructure.Uploads;
using Microsoft.Extensions.Time.Testing;

namespace CellTherapyCenter.Web.Tests.Uploads;

public sealed class DocumentCheckTests
{
    [Fact]
    public void Well_formed_documents_are_recognised_whole()
    {
        Assert.Equal(DocumentKind.Pdf, DocumentCheck.Inspect(TestDocuments.Pdf(5000)));
        Assert.Equal(DocumentKind.Png, DocumentCheck.Inspect(TestDocuments.Png()));
        Assert.Equal(DocumentKind.Jpeg, DocumentCheck.Inspect(TestDocuments.Jpeg()));
    }

    [Fact]
    public void The_polyglot_starts_like_a_pdf_but_is_refused() =>
        Assert.Null(DocumentCheck.Inspect(TestDocuments.Polyglot));

    [Fact]
    public void Damaged_documents_are_refused()
    {
        var pdf = TestDocuments.Pdf(3000);
        Assert.Null(DocumentCheck.Inspect(pdf[..(pdf.Length - 200)])); // no trailer
        var png = TestDocuments.Png(200, 200);
        Assert.Null(DocumentCheck.Inspect(png[..(png.Length / 2)]));
        var jpeg = TestDocuments.Jpeg(200, 200);
        Assert.Null(DocumentCheck.Inspect(jpeg[..(jpeg.Length / 2)]));
        Assert.Null(DocumentCheck.Inspect([]));
        Assert.Null(DocumentCheck.Inspect("%PDF-"u8.ToArray()));
    }

    [Fact]
    public void A_png_named_by_a_jpeg_header_is_refused()
    {
        // JPEG magic followed by a PNG: the first bytes and the decoded format disagree.
        byte[] mixed = [0xFF, 0xD8, 0xFF, .. TestDocuments.Png()];
        Assert.Null(DocumentCheck.Inspect(mixed));
    }

    [Theory]
    [InlineData(3, DocumentKind.Pdf, "document-3.pdf")]
    [InlineData(1, DocumentKind.Jpeg, "document-1.jpg")]
    [InlineData(12, DocumentKind.Png, "document-12.png")]
    public void Stored_names_come_from_the_detected_type(int number, DocumentKind kind, string expected) =>
        Assert.Equal(expected, DocumentCheck.StoredName(number, kind));

    [Theory]
    [InlineData("Smith 2021 poster.html", "Smith-2021-poster.pdf")]
    [InlineData("C:\\posters\\ALS <script>.pdf", "ALS-script.pdf")]
    [InlineData("..\u202Efdp.exe", "fdp.pdf")]
    [InlineData("\u202E.pdf", "document.pdf")]
    [InlineData(null, "document.pdf")]
    public void Published_names_keep_a_clean_stem_and_the_detected_extension(string? sent, string expected) =>
        Assert.Equal(expected, DocumentCheck.PublishedName(sent, DocumentKind.Pdf));

    [Fact]
    public void The_daily_quota_counts_per_address_and_starts_again_the_next_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));
        var quota = new UploadQuota(clock);
        var one = System.Net.IPAddress.Parse("192.0.2.1");
        var two = System.Net.IPAddress.Parse("192.0.2.2");
        Assert.True(quota.TryReserve(one, 600, 1000));
        Assert.False(quota.TryReserve(one, 600, 1000));
        Assert.True(quota.TryReserve(one, 400, 1000));
        Assert.True(quota.TryReserve(two, 1000, 1000));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(quota.TryReserve(one, 1000, 1000));
    }
}
