using CellTherapyCenter.Data.Identity;


namespace CellTherapyCenter.Web.Tests.Authorization;

/// <summary>Who may reach a route. Stated here by hand, independently of the code under test.</summary>
public enum Access
{
    Anonymous,
    /// <summary>Any staff role, Researcher included.</summary>
    Staff,
    /// <summary>Administrator, Physician, Coordinator: identified data and registry edits.</summary>
    Registry,
    /// <summary>Administrator and Physician.</summary>
    Clinical,
    /// <summary>Administrator only.</summary>
    Administrator,
    /// <summary>A patient's or caregiver's portal sign-in, and no staff role.</summary>
    Portal,
    /// <summary>
    /// A FHIR client's access token only (SMART Backend Services, tested in Fhir/SmartBackendServicesTests):
    /// no cookie of a staff member or a patient is a credential there, so every identity of the walk gets 401.
    /// </summary>
    FhirClient,
}

public static class RouteAccess
{
    /// <summary>
    /// Every route the app serves, keyed "METHOD pattern" (pages as "PAGE pattern"). A route
    /// missing here fails the walk, so a new route must be given its intended access.
    /// </summary>
    public static IReadOnlyDictionary<string, Access> Expected { get; } = new Dictionary<string, Access>
    {
        ["GET /health"] = Access.Anonymous,
        ["POST /api/alsfrs-r/score"] = Access.Anonymous,
        ["PAGE /"] = Access.Anonymous,
        ["PAGE /error/{status:int?}"] = Access.Anonymous,
        ["PAGE /als"] = Access.Anonymous,
        ["PAGE /treatment"] = Access.Anonymous,
        ["PAGE /team"] = Access.Anonymous,
        ["PAGE /costs"] = Access.Anonymous,
        ["PAGE /faq"] = Access.Anonymous,
        ["PAGE /privacy"] = Access.Anonymous,
        ["GET /team/{id:guid}/photo.jpg"] = Access.Anonymous,
        ["PAGE /outcomes"] = Access.Anonymous,
        ["PAGE /cases"] = Access.Anonymous,
        ["PAGE /cases/{slug}"] = Access.Anonymous,
        ["GET /cases/{slug}/trajectory.png"] = Access.Anonymous,
        ["PAGE /publications"] = Access.Anonymous,
        ["GET /publications/{id:guid}/file"] = Access.Anonymous,
        ["PAGE /patents"] = Access.Anonymous,
        ["PAGE /contact"] = Access.Anonymous,
        ["PAGE /request-information"] = Access.Anonymous,
        ["PAGE /request-information/sent/{reference}"] = Access.Anonymous,
        ["PAGE /staff/inquiries"] = Access.Registry,
        ["PAGE /staff/inquiries/{id:guid}"] = Access.Registry,
        ["GET /staff/inquiries/{id:guid}/documents/{documentId:guid}"] = Access.Registry,
        ["PAGE /staff/data-quality"] = Access.Registry,
        ["PAGE /staff/follow-up"] = Access.Registry,
        ["PAGE /staff/follow-up/items/{itemId:guid}"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/follow-up"] = Access.Registry,
        ["PAGE /staff/login"] = Access.Anonymous,
        ["PAGE /staff/logout"] = Access.Anonymous,
        ["PAGE /staff/access-denied"] = Access.Anonymous,
        ["PAGE /staff/login/two-factor"] = Access.Anonymous,
        ["PAGE /staff/login/recovery-code"] = Access.Anonymous,
        ["PAGE /staff/login/passkey"] = Access.Anonymous,
        ["PAGE /staff/forgot-password"] = Access.Anonymous,
        ["PAGE /staff/reset-password"] = Access.Anonymous,
        ["PAGE /staff/account"] = Access.Staff,
        ["PAGE /staff/account/authenticator"] = Access.Staff,
        ["PAGE /staff/account/password"] = Access.Staff,
        ["PAGE /staff"] = Access.Staff,
        ["PAGE /staff/patients"] = Access.Staff,
        ["PAGE /staff/patients/{id:guid}"] = Access.Staff,
        ["GET /staff/patients/{id:guid}/trajectory.png"] = Access.Staff,
        ["GET /staff/patients/{id:guid}/summary.pdf"] = Access.Staff,
        ["PAGE /staff/patients/{id:guid}/assessments/{assessmentId}"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/eligibility"] = Access.Staff,
        ["PAGE /staff/patients/new"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/edit"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/vital-status"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/diagnosis"] = Access.Clinical,
        ["PAGE /staff/patients/{id:guid}/visits/{visitId}"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/visits/{visitId:guid}/findings/{findingId:guid}"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/courses/{courseId}"] = Access.Clinical,
        ["PAGE /staff/patients/{id:guid}/courses/{courseId:guid}/transplantations/{transplantationId}"] = Access.Clinical,
        ["PAGE /staff/patients/{id:guid}/adverse-events/{eventId}"] = Access.Clinical,
        ["PAGE /staff/patients/{id:guid}/consents/{consentId}"] = Access.Registry,
        ["PAGE /staff/users"] = Access.Administrator,
        ["PAGE /staff/users/new"] = Access.Administrator,
        ["PAGE /staff/users/{id}"] = Access.Administrator,
        ["PAGE /staff/audit"] = Access.Administrator,
        ["PAGE /staff/outcomes"] = Access.Staff,
        ["GET /staff/outcomes/claims.csv"] = Access.Staff,
        ["GET /staff/outcomes/plots/{name}.png"] = Access.Staff,
        ["GET /staff/outcomes/plots/{name}.svg"] = Access.Staff,
        ["GET /staff/outcomes/plots/{name}.csv"] = Access.Staff,
        ["PAGE /staff/site"] = Access.Administrator,
        ["PAGE /staff/site/pages/{slug}"] = Access.Administrator,
        ["PAGE /staff/site/cases/{caseId}"] = Access.Administrator,
        ["PAGE /staff/site/publications/{publicationId}"] = Access.Administrator,
        ["PAGE /staff/site/patents/{patentId}"] = Access.Administrator,
        ["PAGE /staff/site/team/{memberId}"] = Access.Administrator,
        ["PAGE /staff/site/{kind}/{itemId}/remove"] = Access.Administrator,
        ["PAGE /staff/patients/{id:guid}/portal"] = Access.Registry,
        ["POST /language"] = Access.Anonymous,
        ["PAGE /portal/sign-in"] = Access.Anonymous,
        ["PAGE /portal/sign-out"] = Access.Anonymous,
        ["PAGE /portal/invitation"] = Access.Anonymous,
        ["PAGE /portal"] = Access.Portal,
        ["PAGE /portal/questionnaires/{id:guid}/{step:int?}"] = Access.Portal,
        ["PAGE /portal/questionnaires/{id:guid}/review"] = Access.Portal,
        ["PAGE /portal/questionnaires/{id:guid}/sent"] = Access.Portal,
        ["PAGE /portal/trajectory"] = Access.Portal,
        ["PAGE /portal/documents/{consentId:guid?}"] = Access.Portal,
        ["PAGE /portal/settings"] = Access.Portal,
        ["GET /portal/trajectory.png"] = Access.Portal,
        ["GET /portal/documents/alsfrs-r.csv"] = Access.Portal,
        // Privacy (issue 16, item 7): export, erasure, deletion of requests, records of processing, download my data.
        ["GET /staff/patients/{id:guid}/export.zip"] = Access.Registry,
        ["PAGE /staff/patients/{id:guid}/erasure"] = Access.Administrator,
        ["PAGE /staff/inquiries/{id:guid}/delete"] = Access.Registry,
        ["PAGE /staff/privacy"] = Access.Administrator,
        ["PAGE /portal/my-data"] = Access.Portal,
        ["GET /portal/my-data.zip"] = Access.Portal,
        // One's own sessions (issue 16, ASVS V3.3.4).
        ["PAGE /staff/account/sessions"] = Access.Staff,
        ["PAGE /portal/settings/sessions"] = Access.Portal,
        // Issue 17, item 5: the portal's own password reset, and adding a passkey.
        ["PAGE /portal/forgot-password"] = Access.Anonymous,
        ["PAGE /portal/reset-password"] = Access.Anonymous,
        ["PAGE /portal/passkey"] = Access.Portal,
        ["GET /portal/report.pdf"] = Access.Portal,
        // Issue 18: the FHIR API's SMART Backend Services, metadata and Patient.
        ["GET /fhir/metadata"] = Access.Anonymous,
        ["GET /fhir/.well-known/smart-configuration"] = Access.Anonymous,
        ["POST /fhir/auth/token"] = Access.Anonymous,
        ["GET /fhir/Patient/{id}"] = Access.FhirClient,
        ["GET /fhir/$export"] = Access.FhirClient,
        ["GET /fhir/Patient/$export"] = Access.FhirClient,
        ["GET /fhir/Group/{id}/$export"] = Access.FhirClient,
        ["GET /fhir/$export-status/{jobId}"] = Access.FhirClient,
        ["DELETE /fhir/$export-status/{jobId}"] = Access.FhirClient,
        ["GET /fhir/$export-file/{jobId}/{file}"] = Access.FhirClient,
        ["POST /fhir/"] = Access.FhirClient,
        ["POST /fhir/Observation"] = Access.FhirClient,
        ["PUT /fhir/Observation/{id}"] = Access.FhirClient,
        ["POST /fhir/QuestionnaireResponse"] = Access.FhirClient,
        // Issue 18: read, search, vread and history of every resource type (Features/Fhir/Read, Search, History).
        ["GET /fhir/Patient"] = Access.FhirClient,
        ["GET /fhir/Patient/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/Patient/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/Condition/{id}"] = Access.FhirClient,
        ["GET /fhir/Condition"] = Access.FhirClient,
        ["GET /fhir/Condition/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/Condition/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/Observation/{id}"] = Access.FhirClient,
        ["GET /fhir/Observation"] = Access.FhirClient,
        ["GET /fhir/Observation/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/Observation/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/QuestionnaireResponse/{id}"] = Access.FhirClient,
        ["GET /fhir/QuestionnaireResponse"] = Access.FhirClient,
        ["GET /fhir/QuestionnaireResponse/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/QuestionnaireResponse/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/EpisodeOfCare/{id}"] = Access.FhirClient,
        ["GET /fhir/EpisodeOfCare"] = Access.FhirClient,
        ["GET /fhir/EpisodeOfCare/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/EpisodeOfCare/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/Procedure/{id}"] = Access.FhirClient,
        ["GET /fhir/Procedure"] = Access.FhirClient,
        ["GET /fhir/Procedure/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/Procedure/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/AdverseEvent/{id}"] = Access.FhirClient,
        ["GET /fhir/AdverseEvent"] = Access.FhirClient,
        ["GET /fhir/AdverseEvent/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/AdverseEvent/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/Consent/{id}"] = Access.FhirClient,
        ["GET /fhir/Consent"] = Access.FhirClient,
        ["GET /fhir/Consent/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/Consent/{id}/_history/{vid}"] = Access.FhirClient,
        ["GET /fhir/Appointment/{id}"] = Access.FhirClient,
        ["GET /fhir/Appointment"] = Access.FhirClient,
        ["GET /fhir/Appointment/{id}/_history"] = Access.FhirClient,
        ["GET /fhir/Appointment/{id}/_history/{vid}"] = Access.FhirClient,
        ["PAGE /staff/fhir-clients"] = Access.Administrator,
        ["PAGE /staff/fhir-clients/{clientId}/withdraw"] = Access.Administrator,
        ["PAGE /staff/cohorts"] = Access.Administrator,
    };

    /// <summary>The walk's name for a signed-in portal user.</summary>
    public const string PortalUser = "PortalUser";

    public static bool Allows(Access access, string? role) => access switch
    {
        Access.Anonymous => true,
        Access.Portal => role is PortalUser,
        Access.Staff => role is not null and not PortalUser,
        Access.Registry => role is StaffRoles.Administrator or StaffRoles.Physician or StaffRoles.Coordinator,
        Access.Clinical => role is StaffRoles.Administrator or StaffRoles.Physician,
        Access.Administrator => role is StaffRoles.Administrator,
        _ => false,
    };
}
