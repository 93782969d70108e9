using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Components.Pages.ActivationCodes;
using CloudAssist.Web.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.ActivationCodes;

public sealed class ActivationCodesPageTests : ConsoleTestBase
{
    public ActivationCodesPageTests() => SignInAs(UserRole.Administrator);

    private ActivationCodeService Codes => Context.Services.GetRequiredService<ActivationCodeService>();

    [Fact]
    public void Create_ValidForm_ShowsTheCodeOnceWithTheCommandLine()
    {
        var sut = RenderWithProviders<ActivationCodesPage>();
        sut.WaitForAssertion(() => Assert.Contains("No activation codes yet", sut.Markup), WaitTimeout);

        OpenCreateDialog(sut);
        Dialogs.ByTestId("code-description").Change("web fleet");
        Dialogs.ByTestId("create-code").Click();

        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.AllByTestId("created-code")), WaitTimeout);
        var code = Dialogs.TextOf("created-code");
        Assert.StartsWith("ca-act-", code);
        Assert.Equal(AgentInstallCommand.For("http://localhost/", code), Dialogs.TextOf("install-command"));
        Assert.Contains(
            "--Agent:ServerUrl=http://localhost --Agent:ActivationCode=" + code, Dialogs.TextOf("install-command"));
        Dialogs.ByTestId("close-created-code").Click();
        sut.WaitForAssertion(() => Assert.Equal(["web fleet"], sut.TextsByTestId("code-row-description")), WaitTimeout);
        Assert.DoesNotContain(code, sut.Markup + Dialogs.Markup);
    }

    [Fact]
    public async Task Create_BadCidrBlock_ShowsTheMessageBesideTheFieldAndCreatesNothing()
    {
        var sut = RenderWithProviders<ActivationCodesPage>();
        sut.WaitForAssertion(() => Assert.Contains("No activation codes yet", sut.Markup), WaitTimeout);

        OpenCreateDialog(sut);
        Dialogs.ByTestId("code-allowed-ranges").Change("10.0.0.0/8, 300.1.0.0/16");
        Dialogs.ByTestId("create-code").Click();

        Dialogs.WaitForAssertion(
            () => Assert.StartsWith("'300.1.0.0/16' is not a CIDR block", Dialogs.HelperTextOf("code-allowed-ranges")),
            WaitTimeout);
        Assert.Empty(Dialogs.AllByTestId("created-code"));
        Assert.Empty(await Codes.ListAsync(default));
    }

    [Fact]
    public async Task Revoke_Confirmed_StatusBecomesRevoked()
    {
        await Codes.CreateAsync(
            new CreateActivationCodeRequest("lab", 2, 24, "10.0.0.0/8"), AuditActor.Server, default);
        var sut = RenderWithProviders<ActivationCodesPage>();
        sut.WaitForAssertion(() => Assert.Equal(["Active"], sut.TextsByTestId("code-row-status")), WaitTimeout);
        Assert.Contains("10.0.0.0/8", sut.ByTestId("activation-codes-table").TextContent);

        sut.ByTestId("revoke-code").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Revoke “lab”?", Dialogs.Markup), WaitTimeout);
        Dialogs.Button("Revoke").Click();

        sut.WaitForAssertion(() => Assert.Equal(["Revoked"], sut.TextsByTestId("code-row-status")), WaitTimeout);
        Assert.Empty(sut.AllByTestId("revoke-code"));
    }

    [Fact]
    public async Task Render_CodePastItsExpiry_ShowsExpired()
    {
        await Codes.CreateAsync(new CreateActivationCodeRequest("soon", 1, 1), AuditActor.Server, default);
        Clock.Advance(TimeSpan.FromHours(2));

        var sut = RenderWithProviders<ActivationCodesPage>();

        sut.WaitForAssertion(() => Assert.Equal(["Expired"], sut.TextsByTestId("code-row-status")), WaitTimeout);
    }

    private void OpenCreateDialog(IRenderedComponent<ActivationCodesPage> sut)
    {
        sut.ByTestId("create-activation-code").Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.AllByTestId("activation-code-dialog")), WaitTimeout);
    }
}
