using System.Globalization;
using System.Text.Json;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Tests.Fhir.FhirSearchFixture;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>A researcher client walks every type with its patients included and meets no name, contact or full date of birth or death.</summary>
public sealed class FhirResearcherTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task A_researcher_client_sees_no_name_contact_or_full_birth_date_in_any_resource_or_include(DatabaseProvider database)
    {
        var app = apps[database];
        await SeedAsync(app);
        var (http, _) = await FhirTestClient.SignedInAsync(app, "system/*.rs", StaffRoles.Researcher);
        var people = await app.WithDbAsync(db => db.Patients.Select(p => new { p.FamilyName, p.GivenName, p.Email, p.Phone, p.Address, p.DateOfBirth }).ToListAsync());
        var deaths = await app.WithDbAsync(db => db.VitalStatuses.Where(v => v.DateOfDeath != null).Select(v => v.DateOfDeath!.Value).ToListAsync());
        var forbidden = people.SelectMany(p => new[] { p.FamilyName, p.GivenName, p.Email, p.Phone, p.Address })
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => JsonSerializer.Serialize(s))
            .Concat(people.Select(p => $"\"{p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\""))
            .Concat(deaths.Select(d => $"\"deceasedDateTime\":\"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\""))
            .ToList();

        var patients = 0;
        foreach (var type in FhirSearchTests.Types)
        {
            var include = type == "Patient" ? "" : $"&_include={type}:patient";
            foreach (var page in await WalkAsync(http, $"/fhir/{type}?_count=50{include}"))
            {
                var text = JsonSerializer.Serialize(page, FhirResults.Json);
                foreach (var value in forbidden) Assert.DoesNotContain(value, text, StringComparison.Ordinal);
                foreach (var patient in page.Entry.Select(e => e.Resource).OfType<Patient>())
                {
                    patients++;
                    Assert.Empty(patient.Name);
                    Assert.Empty(patient.Telecom);
                    Assert.Empty(patient.Address);
                    Assert.Matches("^[0-9]{4}$", patient.BirthDate);
                    Assert.Single(patient.Identifier);
                }
            }
        }
        Assert.True(patients > people.Count, "The walk included patients.");
    }
}
