using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Conventions;

/// <summary>
/// The page models redirect by page name (<c>RedirectToPage</c>) and build links with
/// <c>Url.Page</c>: each target still gives the address that used to be typed by hand, so the
/// Location headers are as before. Link generation does not touch the database, so one provider is enough.
/// </summary>
public sealed class RedirectTargetTests_Sqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly Guid Id = Guid.Parse("3f2b8a61-0c4d-4e5f-9a7b-1c2d3e4f5a6b");
    private static readonly Guid Other = Guid.Parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    public static TheoryData<string, string?, string> Targets => new()
    {
        { "/SiteEditor/Overview", null, "/staff/site" },
        { "/SiteEditor/EditCase", "caseId", $"/staff/site/cases/{Other}" },
        { "/SiteEditor/EditPatent", "patentId", $"/staff/site/patents/{Other}" },
        { "/SiteEditor/EditPublication", "publicationId", $"/staff/site/publications/{Other}" },
        { "/Inquiries/InquiryDetail", "id", $"/staff/inquiries/{Other}" },
        { "/FollowUp/PatientFollowUpPage", "id", $"/staff/patients/{Other}/follow-up" },
        { "/FollowUp/Worklist", null, "/staff/follow-up" },
        { "/Users/Users", null, "/staff/users" },
        { "/Patients/Index", null, "/staff/patients" },
        { "/Accounts/StaffHome", null, "/staff" },
        { "/Patients/Chart", "id", $"/staff/patients/{Other}" },
        { "/Portal/Home", null, "/portal" },
        { "/Portal/Accounts/SignIn", null, "/portal/sign-in" },
        { "/Portal/SelfReport/Questionnaire", "id", $"/portal/questionnaires/{Other}" },
        { "/Portal/SelfReport/Review", "id", $"/portal/questionnaires/{Other}/review" },
        { "/Portal/SelfReport/Sent", "id", $"/portal/questionnaires/{Other}/sent" },
    };

    private LinkGenerator Links => app.Services.GetRequiredService<LinkGenerator>();

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_page_target_gives_the_old_address(string page, string? parameter, string expected)
    {
        var values = new RouteValueDictionary();
        if (parameter is not null) values[parameter] = Other;
        Assert.Equal(expected, Links.GetPathByPage(page, values: values));
    }

    [Fact]
    public void Targets_with_more_values_give_the_old_addresses()
    {
        Assert.Equal($"/staff/inquiries/{Id}#notes", Links.GetPathByPage("/Inquiries/InquiryDetail", values: new { id = Id }, fragment: new FragmentString("#notes")));
        Assert.Equal($"/staff/patients/{Id}/portal?done=invited", Links.GetPathByPage("/Portal/Access/PortalAccessPage", values: new { id = Id, done = "invited" }));
        Assert.Equal("/portal/settings?saved=true", Links.GetPathByPage("/Portal/Settings", values: new { saved = "true" }));
        Assert.Equal("/portal/invitation?token=Ab-_09xYz&culture=sr-Latn",
            Links.GetPathByPage("/Portal/Accounts/Invitation", values: new { token = "Ab-_09xYz", culture = "sr-Latn" }));
        Assert.Equal($"/portal/questionnaires/{Id}/3", Links.GetPathByPage("/Portal/SelfReport/Questionnaire", values: new { id = Id, step = 3 }));
        Assert.Equal($"/staff/patients/{Id}/assessments/{Other}", Links.GetPathByPage("/Assessments/AssessmentForm", values: new { id = Id, assessmentId = Other }));
        Assert.Equal($"/staff/patients/{Id}/visits/{Other}", Links.GetPathByPage("/Visits/VisitForm", values: new { id = Id, visitId = Other }));
        Assert.Equal($"/staff/patients/{Id}/consents/{Other}", Links.GetPathByPage("/Consents/ConsentForm", values: new { id = Id, consentId = Other }));
        Assert.Equal($"/staff/patients/{Id}/courses/{Other}", Links.GetPathByPage("/Courses/CourseForm", values: new { id = Id, courseId = Other }));
        Assert.Equal($"/staff/patients/{Id}/adverse-events/{Other}", Links.GetPathByPage("/AdverseEvents/AdverseEventForm", values: new { id = Id, eventId = Other }));
        Assert.Equal($"/staff/patients/{Id}/vital-status", Links.GetPathByPage("/Vitals/VitalStatusForm", values: new { id = Id }));
    }

    /// <summary>
    /// A handler's form posts to the step-less address even when the page was shown at a step: an
    /// explicit null does not drop the current step (shown here), so the page uses PageWithoutAmbientValues.
    /// </summary>
    [Fact]
    public void The_questionnaire_handler_address_leaves_out_the_current_step()
    {
        var http = new DefaultHttpContext { RequestServices = app.Services };
        http.Request.RouteValues = new RouteValueDictionary { ["page"] = "/Portal/SelfReport/Questionnaire", ["id"] = Id, ["step"] = 4 };
        Assert.Equal($"/portal/questionnaires/{Id}/4?handler=Answer",
            Links.GetPathByPage(http, "/Portal/SelfReport/Questionnaire", "Answer", new { id = Id, step = (int?)null }));
        var url = new Microsoft.AspNetCore.Mvc.Routing.UrlHelper(new Microsoft.AspNetCore.Mvc.ActionContext(
            http, new RouteData(http.Request.RouteValues), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        Assert.Equal($"/portal/questionnaires/{Id}?handler=Answer", url.PageWithoutAmbientValues("/Portal/SelfReport/Questionnaire", "Answer", new { id = Id }));
    }
}
