using Bunit;
using CloudAssist.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CloudAssist.Console.Tests.Shared;

public sealed class StatusChipTests
{
    [Theory]
    [InlineData("Success", Color.Success)]
    [InlineData("Running", Color.Info)]
    [InlineData("Stopping", Color.Info)]
    [InlineData("Pending", Color.Default)]
    [InlineData("Scheduled", Color.Default)]
    [InlineData("PartialFailed", Color.Warning)]
    [InlineData("Timeout", Color.Warning)]
    [InlineData("Cancelled", Color.Warning)]
    [InlineData("Terminated", Color.Warning)]
    [InlineData("Stopped", Color.Warning)]
    [InlineData("Failed", Color.Error)]
    [InlineData("Error", Color.Error)]
    public void ColorOf_Status_FollowsItsMeaning(string status, Color expected)
    {
        var color = StatusChip.ColorOf(status);

        Assert.Equal(expected, color);
    }

    [Fact]
    public void ColorOf_UnknownStatus_IsError()
    {
        var color = StatusChip.ColorOf("Exploded");

        Assert.Equal(Color.Error, color);
    }

    [Fact]
    public async Task Render_Status_ShowsTheStatusInItsColour()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        var sut = context.Render<StatusChip>(p => p.Add(x => x.Status, "PartialFailed"));

        var chip = sut.Find(".ca-status");
        Assert.Equal("PartialFailed", chip.TextContent.Trim());
        Assert.Equal("PartialFailed", chip.GetAttribute("data-status"));
        Assert.Contains("mud-chip-color-warning", chip.ClassList);
    }
}
