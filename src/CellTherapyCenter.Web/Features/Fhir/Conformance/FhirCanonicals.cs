namespace CellTherapyCenter.Web.Features.Fhir.Conformance;

/// <summary>
/// The canonical URLs of the registry's own FHIR conformance resources (profiles, Questionnaire,
/// CodeSystems, ValueSets): all under one base, <c>Fhir:CanonicalBase</c>, the public address of
/// the app's FHIR endpoint (e.g. <c>https://registry.clinic.example/fhir</c>). A canonical URL is
/// an identity, not a link: set the base once, before the first resource leaves the registry, and
/// keep it (docs/fhir.md, "Canonical URLs").
/// </summary>
public sealed class FhirCanonicals
{
    /// <summary>The base when none is configured: the address <c>dotnet run</c> serves.</summary>
    public const string DefaultBase = "http://localhost:5000/fhir";

    /// <summary>Written in the embedded definitions where the configured base goes.</summary>
    public const string Placeholder = "{{base}}";

    public FhirCanonicals(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new ArgumentException($"Fhir:CanonicalBase must be an absolute http(s) address without query or fragment, not '{baseUrl}'.", nameof(baseUrl));
        Base = baseUrl.TrimEnd('/');
    }

    public string Base { get; }

    public static FhirCanonicals From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Fhir:CanonicalBase"];
        return new FhirCanonicals(string.IsNullOrWhiteSpace(configured) ? DefaultBase : configured);
    }

    public string CodeSystem(string id) => $"{Base}/CodeSystem/{id}";
    public string ValueSet(string id) => $"{Base}/ValueSet/{id}";
    public string StructureDefinition(string id) => $"{Base}/StructureDefinition/{id}";

    public string AlsfrsRObservationProfile => StructureDefinition("alsfrs-r-observation");
    public string TransplantationProcedureProfile => StructureDefinition("transplantation-procedure");
    public string AlsfrsRQuestionnaire => $"{Base}/Questionnaire/alsfrs-r";

    public string ElEscorialSystem => CodeSystem("el-escorial");
    public string GoldCoastSystem => CodeSystem("gold-coast");
    public string OnsetSiteSystem => CodeSystem("onset-site");
    public string AlsfrsRSystem => CodeSystem("alsfrs-r");
    public string AlsfrsRScoreSystem => CodeSystem("alsfrs-r-score");
    public string AlsfrsRAdministrationSystem => CodeSystem("alsfrs-r-administration");
    public string KingsStageSystem => CodeSystem("kings-stage");
    public string CtcaeGradeSystem => CodeSystem("ctcae-grade");
    public string RegistrySystem => CodeSystem("registry");
    public string InputIssueSystem => CodeSystem("input-issue");
}
