using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Fhir.Read;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Patients;

/// <summary>
/// The registry's patient as a FHIR Patient, and <c>GET /fhir/Patient/{id}</c>. A client acting as a
/// role that sees identified data (StaffPolicies.ViewIdentified) gets names, contact and the date of
/// birth; any other (a Researcher client) gets the registry's pseudonym as the only identifier, the
/// year of birth, and no name, contact or address: what a researcher sees in the staff portal.
/// </summary>
public static class PatientResource
{
    /// <summary>The system of the registry's patient code (the pseudonym, e.g. CTC-4F2A91), under the app's base.</summary>
    public static string PseudonymSystem(string baseUri) => baseUri + "/fhir/sid/registry-code";

    public static FhirPatient ToFhir(Data.Patients.Patient p, DateOnly? dateOfDeath, bool identified, string baseUri)
    {
        var resource = new FhirPatient
        {
            Id = RegistryToFhir.Id(p.Id),
            Meta = RegistryToFhir.Updated(p),
            Identifier = [new Identifier(PseudonymSystem(baseUri), p.Pseudonym)],
            Active = true,
            Gender = p.Sex switch
            {
                Sex.Female => AdministrativeGender.Female,
                Sex.Male => AdministrativeGender.Male,
                Sex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            BirthDate = identified
                ? p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : p.DateOfBirth.Year.ToString("0000", CultureInfo.InvariantCulture),
        };
        if (p.VitalState == VitalState.Deceased)
            // A researcher gets the year of death only, as for the birth date.
            resource.Deceased = dateOfDeath is { } died
                ? new FhirDateTime(died.ToString(identified ? "yyyy-MM-dd" : "yyyy", CultureInfo.InvariantCulture))
                : new FhirBoolean(true);
        if (p.IsSynthetic)
            resource.Meta.Tag = [new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HTEST", "test health data")];
        if (!identified) return resource;

        resource.Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.FamilyName, Given = [p.GivenName] }];
        if (!string.IsNullOrEmpty(p.Phone))
            resource.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, p.Phone));
        if (!string.IsNullOrEmpty(p.Email))
            resource.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Home, p.Email));
        if (!string.IsNullOrEmpty(p.Address))
            resource.Address = [new Address { Text = p.Address, Country = p.Country }];
        resource.Communication = [new FhirPatient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", p.PreferredLanguage) }];
        return resource;
    }

    public static RouteGroupBuilder MapFhirPatients(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient/{id}", ReadAsync)
            .WithMetadata(new FhirScopeAttribute("Patient", SmartPermissions.Read))
            .ReadsPatientData("Patient", "FHIR read");
        return fhir;
    }

    private static async Task<IResult> ReadAsync(string id, HttpContext http, RegistryDbContext db, PatientReadAudit read, AuditLog audit)
    {
        var found = Guid.TryParse(id, out var patientId)
            ? await db.Patients.AsNoTracking()
                .Where(p => p.Id == patientId && p.VoidedAt == null)
                // A patient whose erasure request restricts processing is not handed out.
                .Where(p => !db.ErasureRequests.Any(e => e.PatientId == p.Id && e.VoidedAt == null))
                .Select(p => new { Patient = p, DateOfDeath = p.VitalStatus != null ? p.VitalStatus.DateOfDeath : null })
                .SingleOrDefaultAsync(http.RequestAborted)
            : null;
        if (found is null)
        {
            await audit.WriteAsync(FhirAuditActions.Refused, "Fhir", FhirClientAccess.AuditPath(http), null, "404 no such patient", http.RequestAborted);
            return FhirResults.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "No patient with this id.");
        }
        read.Read(found.Patient.Id);
        var identified = StaffPolicies.Grants(http.User, StaffPolicies.ViewIdentified);
        var resource = ToFhir(found.Patient, found.DateOfDeath, identified, SmartSetup.BaseUri(http));
        http.Response.Headers.ETag = ReadEndpoints.ETag(resource);
        return FhirResults.Resource(resource);
    }
}
