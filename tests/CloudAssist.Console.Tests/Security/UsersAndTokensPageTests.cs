using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Tokens;
using CloudAssist.Web.Components.Pages.Users;
using CloudAssist.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CloudAssist.Console.Tests.Security;

/// <summary>The users page (administrators) and the API tokens page, over the real services and store.</summary>
public sealed class UsersAndTokensPageTests : ConsoleTestBase
{
    private const string Password = "a long enough password";

    public UsersAndTokensPageTests()
    {
        Context.Services.AddSingleton(Options.Create(new SecurityOptions()));
        Context.Services.AddSingleton<UserService>();
        Context.Services.AddSingleton<ApiTokenService>();
    }

    private UserRepository Users => Context.Services.GetRequiredService<UserRepository>();

    [Fact]
    public async Task AddUser_ShortPasswordThenGood_ShowsMessageThenStoresTheUser()
    {
        SignInAs(UserRole.Administrator);
        await CreateAsync("admin", UserRole.Administrator);
        var page = RenderWithProviders<UsersPage>();
        page.ByTestId("add-user").Click();
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.AllByTestId("save-user")), WaitTimeout);
        Dialogs.ByTestId("new-user-name").Change("carol");
        Dialogs.ByTestId("new-user-password").Change("short");

        Dialogs.ByTestId("save-user").Click();
        Dialogs.WaitForAssertion(
            () => Assert.Equal("Use a password of 12 to 256 characters.", Dialogs.HelperTextOf("new-user-password")),
            WaitTimeout);
        Assert.Single(await Users.ListAsync(default));

        Dialogs.ByTestId("new-user-password").Change(Password);
        Dialogs.ByTestId("save-user").Click();

        page.WaitForAssertion(() => Assert.Contains("carol", page.TextsByTestId("user-name")), WaitTimeout);
        var carol = Assert.Single(await Users.ListAsync(default), u => u.UserName == "carol");
        Assert.Equal(UserRole.Viewer, carol.Role);
    }

    [Fact]
    public async Task Disable_TheOnlyAdministrator_RefusedAndStillEnabled()
    {
        SignInAs(UserRole.Administrator);
        var admin = await CreateAsync("admin", UserRole.Administrator);
        var page = RenderWithProviders<UsersPage>();

        page.ByTestId("toggle-user").Click();

        var snackbar = Context.Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(
            () => Assert.Contains(
                snackbar.ShownSnackbars, s => s.Message?.Contains("no enabled administrator") == true),
            WaitTimeout);
        Assert.Null((await Users.GetAsync(admin.Id, default))!.DisabledAt);
    }

    [Fact]
    public async Task CreateToken_ShownOnceAndListed_RevokeMarksItRevoked()
    {
        var user = await CreateAsync("operator", UserRole.Operator);
        Authorization.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id));
        var page = RenderWithProviders<TokensPage>();

        page.ByTestId("token-name").Change("deploy script");
        page.ByTestId("create-token").Click();

        page.WaitForAssertion(() => Assert.StartsWith(ApiTokenService.Prefix, page.TextOf("new-token")), WaitTimeout);
        var secret = page.TextOf("new-token");
        Assert.Equal(["Active"], page.TextsByTestId("token-state"));
        var tokens = Context.Services.GetRequiredService<ApiTokenService>();
        Assert.NotNull((await tokens.AuthenticateAsync(secret, default)).User);

        page.ByTestId("revoke-token").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Button("Revoke")), WaitTimeout);
        Dialogs.Button("Revoke").Click();

        page.WaitForAssertion(() => Assert.Equal(["Revoked"], page.TextsByTestId("token-state")), WaitTimeout);
        Assert.Equal("The API token was revoked.", (await tokens.AuthenticateAsync(secret, default)).Refusal);
    }

    private async Task<UserRecord> CreateAsync(string name, UserRole role) =>
        (await Context.Services.GetRequiredService<UserService>()
            .CreateAsync(name, role, Password, AuditActor.Server, default))!;
}
