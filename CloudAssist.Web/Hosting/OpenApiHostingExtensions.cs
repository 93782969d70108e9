using Scalar.AspNetCore;

namespace CloudAssist.Web.Hosting;

internal static class OpenApiHostingExtensions
{
    /// <summary>The OpenAPI document of the operator and agent APIs.</summary>
    public static WebApplicationBuilder AddCloudAssistOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CloudAssist API";
            document.Info.Description =
                "The operator API (/api/v1) runs commands on managed instances and reads their results; " +
                "the agent API (/api/agent/v1) is what agents call. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The document at <c>/openapi/v1.json</c> and a browsable reference at <c>/api-reference</c>.</summary>
    public static WebApplication MapCloudAssistOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        // A nonce per request for Scalar's inline scripts, and no fonts from Scalar's CDN: see SecurityHeaders.
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o
            .WithTitle("CloudAssist API")
            .WithNonce()
            .DisableDefaultFonts());
        return app;
    }
}
