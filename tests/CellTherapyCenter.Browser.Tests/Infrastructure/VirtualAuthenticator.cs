namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>
/// A passkey device for a test: Chromium's virtual authenticator (CDP WebAuthn) on the page,
/// a platform authenticator with user verification that answers without a touch.
/// </summary>
public static class VirtualAuthenticator
{
    public static async Task AddAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
