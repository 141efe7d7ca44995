using System.Text;
using CellTherapyCenter.Web.Features.Accounts;
using CellTherapyCenter.Web.Features.Accounts.TwoFactor;

namespace CellTherapyCenter.Web.Tests.Accounts;

public sealed class TotpTests
{
    /// <summary>RFC 6238 appendix B, SHA-1 (the key "12345678901234567890"), last six of the eight digits.</summary>
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.Code(key, Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void Base32_keys_decode_as_RFC_4648_says() =>
        Assert.Equal("foobar"u8.ToArray(), Totp.FromBase32("MZXW6YTBOI======"));

    [Fact]
    public void The_key_is_shown_in_groups_of_four() => Assert.Equal("abcd efgh ij", EnableAuthenticatorModel.Group("ABCDEFGHIJ"));
}
