using System.Globalization;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Resources;

/// <summary>
/// What an incoming ALSFRS-R comes to: the twelve answers, scored again by the clinical library,
/// and the day it was taken; or, when it is refused, why (<see cref="Outcome"/>).
/// </summary>
public sealed record AlsfrsRReading(AlsfrsRResponses? Responses, AlsfrsRScore? Score, DateOnly? AssessedOn, OperationOutcome Outcome)
{
    public bool IsAccepted => Responses is not null;
}

/// <summary>
/// An incoming ALSFRS-R (an Observation of the alsfrs-r-observation profile, or a
/// QuestionnaireResponse to the registry's Questionnaire) to the clinical library's item scores.
/// Scores again with <see cref="AlsfrsRScore"/> and refuses, each with an OperationOutcome issue
/// coded in the input-issue CodeSystem, a wrong code, a missing, repeated or out-of-range item,
/// both or the wrong one of items 5a/5b, and a stated total or subscore that the items do not add
/// up to. The stages sent are not read: the registry derives its own.
/// </summary>
public sealed class FhirToAlsfrsR(FhirCanonicals canonicals)
{
    public FhirCanonicals Canonicals { get; } = canonicals ?? throw new ArgumentNullException(nameof(canonicals));

    public AlsfrsRReading FromObservation(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var issues = new Issues(Canonicals);
        if (!HasCoding(observation.Code, RegistryToFhir.Loinc, RegistryToFhir.AlsfrsRPanel))
            issues.Add("wrong-code", "Observation.code", $"An ALSFRS-R Observation has the LOINC code {RegistryToFhir.AlsfrsRPanel}.");

        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        int? statedTotal = null;
        var statedSubscores = new Dictionary<AlsfrsRDomain, int>();
        for (var i = 0; i < observation.Component.Count; i++)
        {
            var component = observation.Component[i];
            var path = $"Observation.component[{i.ToString(CultureInfo.InvariantCulture)}]";
            var loinc = component.Code?.Coding.Where(c => c.System == RegistryToFhir.Loinc && c.Code is not null).Select(c => c.Code!).ToList() ?? [];
            var local = component.Code?.Coding.Where(c => c.System == Canonicals.AlsfrsRSystem && c.Code is not null).Select(c => c.Code!).ToList() ?? [];
            if (loinc.Contains(RegistryToFhir.AlsfrsRTotal))
            {
                if (component.Value is Integer { Value: { } total }) statedTotal = total;
                else issues.Add("not-a-score", path, "The ALSFRS-R total is an integer.");
                continue;
            }
            var itemCode = local.FirstOrDefault(c => c?.StartsWith("item-", StringComparison.Ordinal) == true);
            if (itemCode is null && loinc.Contains(RegistryToFhir.AlsfrsRItem5a)) itemCode = "item-5a";
            var strayLoinc = loinc.Where(c => !(c == RegistryToFhir.AlsfrsRItem5a && itemCode == "item-5a")).ToList();
            if (strayLoinc.Count > 0)
            {
                issues.Add("wrong-code", path + ".code", $"LOINC {string.Join(", ", strayLoinc)} is not a code this registry reads in an ALSFRS-R component.");
                continue;
            }
            if (itemCode is not null)
            {
                if (!ItemNumbers.Contains(itemCode[5..]))
                {
                    issues.Add("wrong-code", path + ".code", $"{itemCode} is not an ALSFRS-R item.");
                    continue;
                }
                if (component.Value is not Integer { Value: { } answer })
                {
                    issues.Add("missing-item", path, $"ALSFRS-R item {itemCode[5..]} has no integer answer.");
                    continue;
                }
                if (!answers.TryAdd(itemCode[5..], answer))
                    issues.Add("duplicate-item", path, $"ALSFRS-R item {itemCode[5..]} is given more than once.");
                continue;
            }
            var domain = Enum.GetValues<AlsfrsRDomain>().Where(d => local.Contains(RegistryToFhir.SubscoreCode(d))).Cast<AlsfrsRDomain?>().FirstOrDefault();
            if (domain is { } d && component.Value is Integer { Value: { } subscore }) statedSubscores[d] = subscore;
        }

        var date = ReadDate(observation.Effective as FhirDateTime);
        return Score(answers, usesGastrostomy: null, statedTotal, statedSubscores, date, issues);
    }

    public AlsfrsRReading FromQuestionnaireResponse(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var issues = new Issues(Canonicals);
        var questionnaire = response.Questionnaire?.Split('|')[0];
        if (questionnaire != Canonicals.AlsfrsRQuestionnaire)
            issues.Add("wrong-questionnaire", "QuestionnaireResponse.questionnaire", $"The response answers {Canonicals.AlsfrsRQuestionnaire}.");
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        bool? gastrostomy = null;
        for (var i = 0; i < response.Item.Count; i++)
        {
            var item = response.Item[i];
            var path = $"QuestionnaireResponse.item[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (item.LinkId == "gastrostomy")
            {
                gastrostomy = item.Answer.Count == 1 && item.Answer[0].Value is FhirBoolean { Value: { } uses } ? uses : null;
                continue;
            }
            if (item.LinkId is null || !ItemNumbers.Contains(item.LinkId))
            {
                issues.Add("wrong-code", path + ".linkId", $"{item.LinkId} is not an item of the ALSFRS-R Questionnaire.");
                continue;
            }
            if (item.Answer.Count != 1 || item.Answer[0].Value is not Coding coding)
            {
                issues.Add("missing-item", path, $"ALSFRS-R item {item.LinkId} has no single answer.");
                continue;
            }
            if (coding.System != Canonicals.AlsfrsRScoreSystem || !int.TryParse(coding.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var score))
            {
                issues.Add("not-a-score", path + ".answer[0]", $"The answer to item {item.LinkId} is not a code of {Canonicals.AlsfrsRScoreSystem}.");
                continue;
            }
            if (!answers.TryAdd(item.LinkId, score))
                issues.Add("duplicate-item", path, $"ALSFRS-R item {item.LinkId} is answered more than once.");
        }
        if (gastrostomy is null)
            issues.Add("item-5-version", "QuestionnaireResponse.item", "The gastrostomy question, which decides between items 5a and 5b, has no yes or no answer.");
        var date = ReadDate(response.AuthoredElement);
        return Score(answers, gastrostomy, statedTotal: null, new Dictionary<AlsfrsRDomain, int>(), date, issues);
    }

    private static readonly string[] ItemNumbers = ["1", "2", "3", "4", "5a", "5b", "6", "7", "8", "9", "10", "11", "12"];

    private static AlsfrsRReading Score(Dictionary<string, int> answers, bool? usesGastrostomy, int? statedTotal,
        Dictionary<AlsfrsRDomain, int> statedSubscores, DateOnly? date, Issues issues)
    {
        var has5a = answers.ContainsKey("5a");
        var has5b = answers.ContainsKey("5b");
        if (has5a && has5b)
            issues.Add("item-5-version", "item 5", "Items 5a and 5b are both given; exactly one of them is.");
        else if (usesGastrostomy is { } uses && (uses ? has5a : has5b))
            issues.Add("item-5-version", "item 5", uses ? "With a gastrostomy item 5b is answered, not 5a." : "Without a gastrostomy item 5a is answered, not 5b.");
        var version = has5b ? CuttingFoodVersion.WithGastrostomy5b : CuttingFoodVersion.WithoutGastrostomy5a;

        var responses = new AlsfrsRResponses { CuttingFoodVersion = version };
        foreach (var item in AlsfrsRItems.All)
        {
            var number = AlsfrsRItems.Number(item, version);
            if (!answers.TryGetValue(number, out var answer))
            {
                if (item != AlsfrsRItem.CuttingFood || !(has5a || has5b))
                    issues.Add("missing-item", $"item {number}", $"ALSFRS-R item {(item == AlsfrsRItem.CuttingFood ? "5a or 5b" : number)} is missing.");
                continue;
            }
            if (answer is < AlsfrsRItems.MinimumScore or > AlsfrsRItems.MaximumScore)
            {
                issues.Add("out-of-range", $"item {number}", $"ALSFRS-R item {number} is {answer.ToString(CultureInfo.InvariantCulture)}; answers lie between 0 and 4.");
                continue;
            }
            responses = responses.With(item, answer);
        }
        if (issues.Any) return new AlsfrsRReading(null, null, date, issues.Outcome);

        var score = AlsfrsRScore.Of(responses);
        if (statedTotal is { } total && total != score.Total)
            issues.Add("total-mismatch", "total", $"The stated total {total.ToString(CultureInfo.InvariantCulture)} is not the sum of the items, {score.Total?.ToString(CultureInfo.InvariantCulture)}.");
        foreach (var (domain, stated) in statedSubscores)
            if (stated != score[domain])
                issues.Add("subscore-mismatch", RegistryToFhir.SubscoreCode(domain), $"The stated {RegistryToFhir.SubscoreCode(domain)} {stated.ToString(CultureInfo.InvariantCulture)} is not the sum of its items, {score[domain]?.ToString(CultureInfo.InvariantCulture)}.");
        return issues.Any ? new AlsfrsRReading(null, null, date, issues.Outcome) : new AlsfrsRReading(responses, score, date, issues.Outcome);
    }

    private static bool HasCoding(CodeableConcept? concept, string system, string code) =>
        concept?.Coding.Any(c => c.System == system && c.Code == code) == true;

    private static DateOnly? ReadDate(FhirDateTime? value)
    {
        if (value?.Value is not { Length: >= 10 } text) return null;
        return DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private sealed class Issues(FhirCanonicals canonicals)
    {
        public OperationOutcome Outcome { get; } = new();

        public bool Any => Outcome.Issue.Count > 0;

        public void Add(string code, string where, string text) => Outcome.Issue.Add(new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = code is "wrong-code" or "wrong-questionnaire" ? OperationOutcome.IssueType.CodeInvalid : OperationOutcome.IssueType.BusinessRule,
            Details = new CodeableConcept(canonicals.InputIssueSystem, code, null, text),
            Expression = [where],
        });
    }
}
