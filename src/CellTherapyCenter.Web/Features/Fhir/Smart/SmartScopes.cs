namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>What a scope lets a client do with a resource type (SMART App Launch 2.0, 3.0.2.3).</summary>
[Flags]
public enum SmartPermissions
{
    None = 0,
    Create = 1,
    Read = 2,
    Update = 4,
    Delete = 8,
    Search = 16,
}

/// <summary>One system-level scope, parsed: <c>system/Patient.read</c> (SMART v1) or <c>system/Patient.rs</c> (v2).</summary>
public sealed record SmartScope(string Text, string ResourceType, SmartPermissions Permissions)
{
    public bool Covers(string resourceType, SmartPermissions needed) =>
        (ResourceType == "*" || ResourceType == resourceType) && (Permissions & needed) == needed;
}

/// <summary>
/// The SMART Backend Services scopes the registry offers, in both syntaxes. SMART v1 names
/// <c>read</c> and <c>write</c>; v2 names the interactions, c(reate) r(ead) u(pdate) d(elete) s(earch),
/// in that order. The registry reads v1 <c>read</c> as v2 <c>rs</c> and v1 <c>write</c> as v2 <c>cu</c>
/// (never d: nothing in the registry is deleted), so <c>system/*.read</c> and <c>system/*.rs</c> grant the
/// same, and so do <c>system/Observation.write</c> and <c>system/Observation.cu</c>. Reads reach every
/// resource type; writes only what external systems may send (Observation, QuestionnaireResponse).
/// </summary>
public static class SmartScopes
{
    /// <summary>Resource types a read scope may name (besides <c>*</c>).</summary>
    public static readonly IReadOnlyList<string> ReadableTypes = ["Patient", "Observation", "QuestionnaireResponse"];

    /// <summary>Resource types a write scope may name.</summary>
    public static readonly IReadOnlyList<string> WritableTypes = ["Observation", "QuestionnaireResponse"];

    private static readonly string[] ReadV2 = ["rs", "r", "s"];
    private static readonly string[] WriteV2 = ["cu", "c", "u"];

    /// <summary>Every scope string a client may be registered with or ask for, v1 first.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        .. new[] { "*" }.Concat(ReadableTypes).Select(t => $"system/{t}.read"),
        .. WritableTypes.Select(t => $"system/{t}.write"),
        .. new[] { "*" }.Concat(ReadableTypes).SelectMany(t => ReadV2.Select(p => $"system/{t}.{p}")),
        .. WritableTypes.SelectMany(t => WriteV2.Select(p => $"system/{t}.{p}")),
    ];

    private static readonly HashSet<string> SupportedSet = [.. Supported];

    /// <summary>The scope parsed, or null when the registry does not offer it (unknown, malformed, a delete, a user/ or patient/ scope).</summary>
    public static SmartScope? Parse(string text)
    {
        if (!SupportedSet.Contains(text)) return null;
        var dot = text.LastIndexOf('.');
        var type = text["system/".Length..dot];
        var permissions = text[(dot + 1)..] switch
        {
            "read" => SmartPermissions.Read | SmartPermissions.Search,
            "write" => SmartPermissions.Create | SmartPermissions.Update,
            var v2 => v2.Aggregate(SmartPermissions.None, (p, c) => p | c switch
            {
                'c' => SmartPermissions.Create,
                'r' => SmartPermissions.Read,
                'u' => SmartPermissions.Update,
                'd' => SmartPermissions.Delete,
                's' => SmartPermissions.Search,
                _ => SmartPermissions.None,
            }),
        };
        return new SmartScope(text, type, permissions);
    }

    /// <summary>Splits a space-separated list; the scopes the registry does not offer come back in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<SmartScope> ParseList(string? scopes, out IReadOnlyList<string> unknown)
    {
        var words = (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        unknown = words.Where(w => Parse(w) is null).ToList();
        return words.Select(Parse).OfType<SmartScope>().ToList();
    }

    /// <summary>Whether any of the granted scopes allows the interaction on the resource type.</summary>
    public static bool Allows(IEnumerable<string> granted, string resourceType, SmartPermissions needed) =>
        granted.Select(Parse).OfType<SmartScope>().Any(s => s.Covers(resourceType, needed));
}
