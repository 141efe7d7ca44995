using CellTherapyCenter.Web.Infrastructure.Uploads;

namespace CellTherapyCenter.Web.Tests.Uploads;

public sealed class FileSignatureTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, DocumentKind.Pdf)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, DocumentKind.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, DocumentKind.Jpeg)]
    public void Known_formats_are_recognised_by_their_first_bytes(byte[] header, DocumentKind kind) =>
        Assert.Equal(kind, FileSignature.Recognise(header));

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })] // a Windows executable ("MZ")
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })] // an ELF executable
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E, 0x2F, 0x73 })] // "#!/bin/s"
    [InlineData(new byte[] { 0x25, 0x50, 0x44 })]                               // a truncated "%PD"
    [InlineData(new byte[0])]
    public void Anything_else_is_not(byte[] header) => Assert.Null(FileSignature.Recognise(header));

    [Fact]
    public async Task A_stream_is_rewound_after_reading_its_header()
    {
        using var stream = new MemoryStream("%PDF-1.4 rest of file"u8.ToArray());
        Assert.Equal(DocumentKind.Pdf, await FileSignature.RecogniseAsync(stream));
        Assert.Equal(0, stream.Position);
    }
}
