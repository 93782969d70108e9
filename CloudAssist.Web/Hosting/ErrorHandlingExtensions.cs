using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;

namespace CloudAssist.Web.Hosting;

internal static class ErrorHandlingExtensions
{
    /// <summary>ProblemDetails for every error, and JSON that refuses missing or null required members.</summary>
    public static WebApplicationBuilder AddCloudAssistErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                context.ProblemDetails.Detail ??= TooLargeDetail(context.HttpContext.GetEndpoint());
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>
    /// Turns a bad request (malformed JSON, a body over the limit) into a 4xx ProblemDetails that
    /// says what was wrong, and anything unexpected into a 500 without internals.
    /// </summary>
    public static WebApplication UseCloudAssistErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = WriteProblemAsync,
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var (status, title, detail) = feature?.Error switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "Request body too large", TooLargeDetail(feature.Endpoint)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Describe(bad)),
            _ => (500, "Server error", "The server could not complete the request; it has been logged."),
        };
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string TooLargeDetail(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<RequestSizeLimitMetadata>()?.TooLargeDetail
        ?? "The request body is larger than this endpoint accepts: 1 MiB unless the endpoint says otherwise.";

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json
            ? $"The JSON body is not valid: {json.Message}"
            : bad.Message;
}
