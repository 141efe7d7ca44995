using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>
/// A passkey authenticator in software, for the in-process tests: answers the server's WebAuthn
/// options as a browser's platform authenticator would (ES256 key, "none" attestation, user
/// present and verified) and returns the JSON the page's script would post. The browser tests use
/// Chromium's own virtual authenticator.
/// </summary>
internal sealed class SoftPasskey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(16);
    private string _userHandle = "";
    private uint _signCount;

    /// <summary>The answer to creation options (adding a passkey).</summary>
    public string Register(string optionsJson, string origin)
    {
        using var options = JsonDocument.Parse(optionsJson);
        var root = options.RootElement;
        var rpId = root.GetProperty("rp").TryGetProperty("id", out var id) ? id.GetString()! : new Uri(origin).Host;
        _userHandle = root.GetProperty("user").GetProperty("id").GetString()!;
        var clientData = ClientData("webauthn.create", root.GetProperty("challenge").GetString()!, origin);
        var point = _key.ExportParameters(false).Q;
        // COSE_Key {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}
        byte[] cose = [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. point.X!, 0x22, 0x58, 0x20, .. point.Y!];
        byte[] authData =
        [
            .. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x45 /* user present, verified, credential data */, 0, 0, 0, 0,
            .. new byte[16] /* AAGUID */, (byte)(_credentialId.Length >> 8), (byte)_credentialId.Length, .. _credentialId, .. cose,
        ];
        // {"fmt": "none", "attStmt": {}, "authData": bytes}
        byte[] attestation =
        [
            0xA3, 0x63, .. "fmt"u8, 0x64, .. "none"u8, 0x67, .. "attStmt"u8, 0xA0, 0x68, .. "authData"u8,
            0x59, (byte)(authData.Length >> 8), (byte)authData.Length, .. authData,
        ];
        return JsonSerializer.Serialize(new
        {
            id = Url(_credentialId), rawId = Url(_credentialId), type = "public-key", authenticatorAttachment = "platform",
            response = new { clientDataJSON = Url(clientData), attestationObject = Url(attestation), transports = new[] { "internal" } },
            clientExtensionResults = new { },
        });
    }

    /// <summary>The answer to request options (signing in).</summary>
    public string Assert(string optionsJson, string origin)
    {
        using var options = JsonDocument.Parse(optionsJson);
        var root = options.RootElement;
        var rpId = root.TryGetProperty("rpId", out var id) ? id.GetString()! : new Uri(origin).Host;
        var clientData = ClientData("webauthn.get", root.GetProperty("challenge").GetString()!, origin);
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, ++_signCount);
        byte[] authData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x05 /* user present, verified */, .. count];
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = Url(_credentialId), rawId = Url(_credentialId), type = "public-key", authenticatorAttachment = "platform",
            response = new { clientDataJSON = Url(clientData), authenticatorData = Url(authData), signature = Url(signature), userHandle = _userHandle },
            clientExtensionResults = new { },
        });
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin, crossOrigin = false });

    private static string Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    public void Dispose() => _key.Dispose();
}
