using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Tests.CommandLine;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using FhirCapabilityStatement = Hl7.Fhir.Model.CapabilityStatement;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// SMART Backend Services against the real token endpoint and the real stores on both databases:
/// client assertions made here with the client's private key, as a backend system would.
/// </summary>
public sealed class SmartBackendServicesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string TokenUrl = FhirTestClient.TokenUrl;

    private static async Task<Guid> PatientAsync(RegistryAppFactory app) => await app.WithDbAsync(async db =>
    {
        var patient = new Patient
        {
            FamilyName = "Fhirson", GivenName = "Ada", Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            DateOfBirth = new DateOnly(1961, 5, 17), Phone = "+381641234567", Email = "ada@example.test", Address = "1 Test Street",
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    });

    private static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> ReadPatientAsync(HttpClient http, string? token, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient/{id}");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Theory, EveryDatabase]
    public async Task A_client_with_an_RS384_or_an_ES384_key_gets_a_five_minute_token_and_reads_a_patient_as_itself(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        var patientId = await PatientAsync(app);
        foreach (var key in new[] { FhirClientKey.Rsa(), FhirClientKey.Ec() })
        {
            var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.read");
            var (status, token) = await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key), "system/*.read");
            Assert.True(status == HttpStatusCode.OK, token.ToJsonString());
            Assert.InRange((int)token["expires_in"]!, 290, 300); // five minutes, less the second it may take to answer
            Assert.Equal("Bearer", (string?)token["token_type"], ignoreCase: true);

            var read = await ReadPatientAsync(http, (string)token["access_token"]!, patientId);
            Assert.Equal((HttpStatusCode.OK, "application/fhir+json"), (read.Status, read.ContentType));
            Assert.Equal("Fhirson", (string?)read.Body["name"]![0]!["family"]);
            Assert.Equal("1961-05-17", (string?)read.Body["birthDate"]);

            var line = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.PatientId == patientId && a.Action == AuditActions.Read && a.UserId == FhirClientAccess.ClientIdPrefix + clientId).SingleAsync());
            Assert.Contains(clientId, line.UserName, StringComparison.Ordinal);
        }
    }

    [Theory, EveryDatabase]
    public async Task An_assertion_signed_with_another_key_is_refused(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        var key = FhirClientKey.Rsa();
        var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.read");

        Assert.Equal("invalid_client", (string?)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, FhirClientKey.Rsa()))).Body["error"]);
    }

    [Theory, EveryDatabase]
    public async Task Expired_reused_long_lived_and_misaddressed_assertions_are_refused(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        var key = FhirClientKey.Rsa();
        var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.read");
        Assert.Equal("invalid_client", (string?)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key, expires: DateTime.UtcNow.AddMinutes(-2)))).Body["error"]);
        // OpenIddict 7.9 refuses a misaddressed assertion while validating it as a token (invalid_token).
        var misaddressed = await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key, audience: "https://elsewhere.example/token"));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_token", false), (misaddressed.Status, (string?)misaddressed.Body["error"], misaddressed.Body.ContainsKey("access_token")));
        Assert.Equal("invalid_client", (string?)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key, expires: DateTime.UtcNow.AddMinutes(30)))).Body["error"]);

        var once = FhirTestClient.Assertion(clientId, key);
        Assert.Equal(HttpStatusCode.OK, (await FhirTestClient.TokenAsync(http, once)).Status);
        var again = await FhirTestClient.TokenAsync(http, once);
        Assert.NotEqual(HttpStatusCode.OK, again.Status);
        Assert.Equal("invalid_client", (string?)again.Body["error"]);
    }

    [Theory, EveryDatabase]
    public async Task A_token_without_patient_read_is_forbidden_and_no_token_or_a_withdrawn_clients_token_is_unauthorised(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        var patientId = await PatientAsync(app);

        var writer = FhirClientKey.Ec();
        var writerId = await FhirTestClient.RegisterAsync(app, writer, "system/Observation.cu system/Observation.rs");
        var writerToken = (string)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(writerId, writer))).Body["access_token"]!;
        var forbidden = await ReadPatientAsync(http, writerToken, patientId);
        Assert.Equal((HttpStatusCode.Forbidden, "application/fhir+json", "OperationOutcome"), (forbidden.Status, forbidden.ContentType, (string?)forbidden.Body["resourceType"]));

        var anonymous = await ReadPatientAsync(http, null, patientId);
        Assert.Equal((HttpStatusCode.Unauthorized, "OperationOutcome"), (anonymous.Status, (string?)anonymous.Body["resourceType"]));

        var key = FhirClientKey.Rsa();
        var clientId = await FhirTestClient.RegisterAsync(app, key, "system/Patient.rs");
        var token = (string)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key))).Body["access_token"]!;
        Assert.Equal(HttpStatusCode.OK, (await ReadPatientAsync(http, token, patientId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadPatientAsync(http, token, Guid.NewGuid())).Status);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<FhirClientRegistry>().WithdrawAsync(clientId, "test"));
        var withdrawn = await ReadPatientAsync(http, token, patientId);
        Assert.Equal((HttpStatusCode.Unauthorized, "OperationOutcome"), (withdrawn.Status, (string?)withdrawn.Body["resourceType"]));
        Assert.Equal("invalid_client", (string?)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key))).Body["error"]);
    }

    [Theory, EveryDatabase]
    public async Task A_researcher_client_sees_the_registry_code_and_birth_year_only(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        var patientId = await PatientAsync(app);
        var key = FhirClientKey.Rsa();
        var clientId = await FhirTestClient.RegisterAsync(app, key, "system/*.rs", StaffRoles.Researcher);
        var token = (string)(await FhirTestClient.TokenAsync(http, FhirTestClient.Assertion(clientId, key))).Body["access_token"]!;

        var read = await ReadPatientAsync(http, token, patientId);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("1961", (string?)read.Body["birthDate"]);
        Assert.False(read.Body.ContainsKey("name") || read.Body.ContainsKey("telecom") || read.Body.ContainsKey("address"), read.Body.ToJsonString());
        Assert.DoesNotContain("Fhirson", read.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith("CTC-", (string?)read.Body["identifier"]![0]!["value"], StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Metadata_is_a_capability_statement_and_the_smart_configuration_names_the_token_endpoint(DatabaseProvider database)
    {
        var app = apps[database];
        using var http = app.CreateClient();
        using var metadata = await http.GetAsync("/fhir/metadata");
        Assert.Equal("application/fhir+json", metadata.Content.Headers.ContentType?.MediaType);
        var statement = JsonSerializer.Deserialize<FhirCapabilityStatement>(await metadata.Content.ReadAsStringAsync(), FhirResults.Json)!;
        // Group is there only for its $export (BulkExportTests); the writes add create and update (FhirCreateTests);
        // the conformance types follow the registry's (ConformanceResourceTests).
        var resources = Assert.Single(statement.Rest).Resource.Where(r => r.Type != "Group" && !ServedDefinitions.Types.Contains(r.Type)).ToList();
        Assert.Equal(FhirSearchTests.Types, resources.Select(r => r.Type));
        Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction?[] interactions =
        [
            Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.Read, Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.Vread,
            Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.HistoryInstance, Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.SearchType,
        ];
        Assert.All(resources, r => Assert.Equal(interactions, r.Interaction.Select(i => i.Code).Take(interactions.Length)));
        var observation = resources.Single(r => r.Type == "Observation");
        Assert.Equal(["_id", "_lastUpdated", "patient", "subject", "code", "date"], observation.SearchParam.Select(p => p.Name));
        Assert.Equal(["Observation:patient", "Observation:subject"], observation.SearchInclude);
        Assert.Equal(["_id", "_lastUpdated", "identifier"], resources[0].SearchParam.Select(p => p.Name));
        var oauth = Assert.Single(statement.Rest[0].Security!.Extension);
        Assert.Equal(TokenUrl, oauth.Extension.Single(e => e.Url == "token").Value!.ToString());

        var smart = JsonNode.Parse(await http.GetStringAsync("/fhir/.well-known/smart-configuration"))!;
        Assert.Equal(TokenUrl, (string?)smart["token_endpoint"]);
        Assert.Equal(["private_key_jwt"], smart["token_endpoint_auth_methods_supported"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["RS384", "ES384"], smart["token_endpoint_auth_signing_alg_values_supported"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("client-confidential-asymmetric", smart["capabilities"]!.AsArray().Select(n => (string?)n));
    }

    [Theory, EveryDatabase]
    public async Task The_command_registers_a_client_and_prints_its_id_last_and_refuses_bad_key_sets_and_scopes(DatabaseProvider database)
    {
        var app = apps[database];
        var dir = ScratchDirectory.Create("fhir-client-");
        var file = Path.Combine(dir, "jwks.json");
        await File.WriteAllTextAsync(file, FhirClientKey.Ec().PublicJwks);
        var ok = await WebCommandRun.RunAsync(["fhir-client", "add", "--name", "Home monitoring", "--jwks", file, "--scopes", "system/QuestionnaireResponse.write", "--role", "Researcher", .. WebCommandRun.DatabaseOf(app)]);
        Assert.Equal((0, ""), (ok.Exit, ok.Err));
        var clientId = (string?)JsonNode.Parse(ok.Out.TrimEnd().Split('\n')[^1])!["clientId"];
        var stored = await app.WithDbAsync(db => db.FhirClients.SingleAsync(c => c.ClientId == clientId));
        Assert.Equal(("Home monitoring", StaffRoles.Researcher), (stored.Name, stored.Role));

        var rsa = RSA.Create(2048);
        var priv = rsa.ExportParameters(true);
        var privateFile = Path.Combine(dir, "private.json");
        await File.WriteAllTextAsync(privateFile, new JsonObject { ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(priv.Modulus), ["e"] = Base64UrlEncoder.Encode(priv.Exponent), ["d"] = Base64UrlEncoder.Encode(priv.D) }) }.ToJsonString());
        var weakFile = Path.Combine(dir, "p256.json");
        var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportParameters(false);
        await File.WriteAllTextAsync(weakFile, new JsonObject { ["keys"] = new JsonArray(new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(p256.Q.X), ["y"] = Base64UrlEncoder.Encode(p256.Q.Y) }) }.ToJsonString());
        foreach (var (jwks, scopes, says) in new[]
        {
            (Path.Combine(dir, "missing.json"), "system/*.read", "No key set file"),
            (privateFile, "system/*.read", "private"),
            (weakFile, "system/*.read", "RS384 or ES384"),
            (file, "system/Patient.delete", "Unknown scope"),
        })
        {
            var refused = await WebCommandRun.RunAsync(["fhir-client", "add", "--name", "Bad", "--jwks", jwks, "--scopes", scopes, .. WebCommandRun.DatabaseOf(app)]);
            Assert.NotEqual(0, refused.Exit);
            Assert.Contains(says, refused.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_1_and_version_2_scopes_grant_the_same()
    {
        Assert.True(SmartScopes.Allows(["system/*.read"], "Patient", SmartPermissions.Read | SmartPermissions.Search));
        Assert.True(SmartScopes.Allows(["system/*.rs"], "Patient", SmartPermissions.Read | SmartPermissions.Search));
        Assert.True(SmartScopes.Allows(["system/Patient.r"], "Patient", SmartPermissions.Read));
        Assert.False(SmartScopes.Allows(["system/Patient.s"], "Patient", SmartPermissions.Read));
        Assert.Equal(SmartScopes.Parse("system/Observation.write")!.Permissions, SmartScopes.Parse("system/Observation.cu")!.Permissions);
        Assert.False(SmartScopes.Allows(["system/Observation.write"], "Observation", SmartPermissions.Delete));
        Assert.Null(SmartScopes.Parse("system/Patient.write"));
        Assert.Null(SmartScopes.Parse("patient/*.read"));
        Assert.Null(SmartScopes.Parse("system/Observation.cud"));
    }
}
