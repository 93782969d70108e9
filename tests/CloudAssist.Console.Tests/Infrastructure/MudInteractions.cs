using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Console.Tests.Infrastructure;

/// <summary>Finds elements by their data-testid, and drives MudBlazor inputs as a person does.</summary>
public static class MudInteractions
{
    /// <summary>The element carrying <c>data-testid</c> = <paramref name="testId"/>.</summary>
    public static IElement ByTestId<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.Find($"[data-testid='{testId}']");

    /// <summary>All elements carrying <c>data-testid</c> = <paramref name="testId"/>.</summary>
    public static IReadOnlyList<IElement> AllByTestId<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.FindAll($"[data-testid='{testId}']");

    /// <summary>The trimmed text of the element with <paramref name="testId"/>.</summary>
    public static string TextOf<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.ByTestId(testId).TextContent.Trim();

    /// <summary>The text of each element with <paramref name="testId"/>, trimmed.</summary>
    public static IReadOnlyList<string> TextsByTestId<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.AllByTestId(testId).Select(e => e.TextContent.Trim()).ToList();

    /// <summary>The helper or error text MudBlazor shows under the input <paramref name="testId"/>.</summary>
    public static string HelperTextOf<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent
    {
        var control = rendered.ByTestId(testId).Closest(".mud-input-control")
            ?? throw new InvalidOperationException($"'{testId}' is not inside a MudBlazor input control.");
        return control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
    }

    /// <summary>The button whose text is <paramref name="text"/>.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> rendered, string text)
        where T : IComponent =>
        rendered.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == text)
            ?? throw new InvalidOperationException($"No button reads '{text}'.");

    /// <summary>Opens the select <paramref name="testId"/> and clicks <paramref name="itemText"/>.</summary>
    public static void SelectItem<TValue, TRoot>(
        this IRenderedComponent<TRoot> root,
        IRenderedComponent<MudPopoverProvider> popovers,
        string testId,
        string itemText,
        TimeSpan timeout)
        where TRoot : class, IComponent
    {
        var select = root.FindComponents<MudSelect<TValue>>()
            .Single(s => s.FindAll($"[data-testid='{testId}']").Count > 0);
        select.Find("div.mud-input-control").MouseDown();

        popovers.WaitForAssertion(() => Assert.Contains(OpenItems(popovers), i => Reads(i, itemText)), timeout);
        OpenItems(popovers).First(i => Reads(i, itemText)).Click();
    }

    private static bool Reads(IElement element, string text) => element.TextContent.Trim() == text;

    private static IEnumerable<IElement> OpenItems(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-popover-open .mud-list-item");
}
