using CellTherapyCenter.Web.Features.Fhir.Conformance;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>
/// What the writes add to the CapabilityStatement: create (conditional) of ALSFRS-R Observations and
/// QuestionnaireResponses, versioned update of Observations, and the transaction interaction.
/// Merged into whatever resource entries the reads declare, so the two lists never disagree.
/// </summary>
public static class FhirWriteCapabilities
{
    public static CapabilityStatement Add(CapabilityStatement statement, FhirCanonicals canonicals)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(canonicals);
        var rest = statement.Rest.First(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        foreach (var type in new[] { "Observation", "QuestionnaireResponse" })
        {
            var resource = rest.Resource.FirstOrDefault(r => r.Type == type);
            if (resource is null)
            {
                resource = new CapabilityStatement.ResourceComponent { Type = type, Profile = "http://hl7.org/fhir/StructureDefinition/" + type };
                rest.Resource.Add(resource);
            }
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent
            {
                Code = CapabilityStatement.TypeRestfulInteraction.Create,
                Documentation = type == "Observation"
                    ? $"ALSFRS-R panels only (LOINC 82954-9, profile {canonicals.AlsfrsRObservationProfile}), scored again by the registry; If-None-Exist: identifier, or patient+date+code."
                    : $"Completed responses to {canonicals.AlsfrsRQuestionnaire}, stored as self-reports; If-None-Exist: identifier.",
            });
            resource.ConditionalCreate = true;
            if (type != "Observation") continue;
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent
            {
                Code = CapabilityStatement.TypeRestfulInteraction.Update,
                Documentation = "Only records this client created; If-Match with the current version is required (428 without, 412 when stale).",
            });
            resource.Versioning = CapabilityStatement.ResourceVersionPolicy.VersionedUpdate;
            resource.UpdateCreate = false;
            if (!resource.SupportedProfile.Contains(canonicals.AlsfrsRObservationProfile))
                resource.SupportedProfileElement.Add(new Canonical(canonicals.AlsfrsRObservationProfile));
        }
        rest.Interaction.Add(new CapabilityStatement.SystemInteractionComponent
        {
            Code = CapabilityStatement.SystemRestfulInteraction.Transaction,
            Documentation = "Transaction Bundles of POST and PUT entries of the resources above, all or nothing; batch is not supported.",
        });
        return statement;
    }
}
