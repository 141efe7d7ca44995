namespace CellTherapyCenter.Web.Features.Portal.Sessions;

/// <summary>The words of the portal's list of one's own sessions: SessionsText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class SessionsText;
