using System.CommandLine;
using System.Text.Json;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>
/// `fhir-client add --name NAME --jwks FILE --scopes "SCOPES" [--role Researcher]`: registers a SMART
/// Backend Services client with its public keys and prints <c>{"clientId":"..."}</c> as its last line.
/// </summary>
public static class FhirClientCommand
{
    public static Command Create()
    {
        var name = CommandOption.Text("--name", "NAME", "The client's name, as the administrators' page and the audit trail show it.");
        var jwks = CommandOption.Text("--jwks", "FILE", "A JSON Web Key Set file with the client's PUBLIC keys (RSA 2048+ for RS384, or EC P-384 for ES384).");
        var scopes = CommandOption.Text("--scopes", "SCOPES", "Space-separated SMART system scopes, e.g. \"system/*.read\" or \"system/*.rs system/Observation.cu\".");
        var role = CommandOption.OneOf("--role", "The staff role the client acts as (default Physician; Researcher sees pseudonymised data only).", [.. FhirClientRegistry.Roles]);
        var add = new Command("add", "Registers a client and prints its client id as JSON. " + CommandHost.ArgumentsHelp) { name, jwks, scopes, role };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (parsed, ct) =>
        {
            var file = parsed.GetValue(jwks)!;
            if (!File.Exists(file)) throw new CliException($"No key set file at {file}.");
            var json = await File.ReadAllTextAsync(file, ct);
            var builder = CommandHost.CreateBuilder(CommandHost.Arguments(parsed));
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var client = await scope.ServiceProvider.GetRequiredService<FhirClientRegistry>()
                    .AddAsync(parsed.GetValue(name)!, json, parsed.GetValue(scopes)!, parsed.GetValue(role) ?? FhirClientRegistry.DefaultRole, "command line", ct);
                await parsed.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new { clientId = client.ClientId }));
            }
            catch (FhirClientRefusedException e)
            {
                throw new CliException(e.Message);
            }
        });
        return new Command("fhir-client", "Registers clients of the FHIR API (SMART Backend Services).") { add };
    }
}
