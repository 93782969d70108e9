using CloudAssist.Web.Audit;
using CloudAssist.Web.Files;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Files;

/// <summary>Sends a file from the operator's machine to chosen instances; closes with the new invocation.</summary>
public sealed partial class SendFileDialog
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private Dictionary<string, string[]> _errors = [];
    private HashSet<InstanceView> _selected = [];
    private byte[]? _content;
    private string _fileName = "";
    private string _targetDirectory = "";
    private string _owner = "";
    private string _group = "";
    private string _mode = "0644";
    private bool _overwrite;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    [Inject] private FileTransferService Files { get; set; } = null!;

    private string ChosenText => _content is null ? "No file chosen (10 MiB at most)." : $"{_content.Length} bytes";

    /// <summary>Opens the dialog and, when a file is sent, shows the new execution record.</summary>
    public static async Task ShowAsync(IDialogService dialogs, NavigationManager navigation)
    {
        var dialog = await dialogs.ShowAsync<SendFileDialog>(
            "Send file", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string invocationId })
        {
            navigation.NavigateTo($"/invocations/{invocationId}");
        }
    }

    private async Task ChooseAsync(IBrowserFile? file)
    {
        _content = null;
        _errors.Remove("contentBase64");
        if (file is null)
        {
            return;
        }

        if (file.Size > FileLimits.MaxFileBytes)
        {
            _errors["contentBase64"] =
                [$"{file.Name} is {file.Size} bytes; files are limited to 10 MiB ({FileLimits.MaxFileBytes} bytes)."];
            return;
        }

        _busy = true;
        try
        {
            await using var stream = file.OpenReadStream(FileLimits.MaxFileBytes);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            _content = buffer.ToArray();
            _fileName = file.Name;
        }
        finally
        {
            _busy = false;
        }
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string ErrorOf(string field) =>
        _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : "";

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task SendAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        _busy = true;
        var request = new SendFileRequest
        {
            FileName = _fileName.Trim(),
            ContentBase64 = Convert.ToBase64String(_content!),
            TargetDirectory = _targetDirectory.Trim(),
            Owner = Blank(_owner),
            Group = Blank(_group),
            Mode = Blank(_mode),
            Overwrite = _overwrite,
            InstanceIds = _selected.Select(i => i.Id).ToList(),
        };

        var (invocation, errors) = await Files.SendAsync(
            request, await ConsoleUser.ActorAsync(), CancellationToken.None);
        _busy = false;
        _errors = errors;
        if (invocation is not null)
        {
            MudDialog.Close(DialogResult.Ok(invocation.Id));
        }
    }
}
