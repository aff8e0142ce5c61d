using System.Reflection;
using System.Text.Json;
using Cap.Data.Intake;
using Cap.Domain.Satisfaction;
using Microsoft.AspNetCore.Http.Metadata;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// The intake's answer once an answer is committed: 201 (stored) or 200 (already stored with the same client key)
/// with its <see cref="AnswerReceipt"/>. A receipt has six possible bodies (two statuses, three point values): each is
/// serialised once, so a response is one write of known length instead of a serialiser run and a chunked body.
/// Declares the same OpenAPI responses as <c>Created&lt;AnswerReceipt&gt;</c> and <c>Ok&lt;AnswerReceipt&gt;</c>.
/// </summary>
public sealed class ReceiptResult : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<AnswerReceipt>, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Indexed by [stored ? 1 : 0, experience - 1].
    private static readonly ReceiptResult[,] All = Build();

    private readonly byte[] _body;

    private ReceiptResult(AnswerReceipt receipt, int statusCode)
    {
        Value = receipt;
        StatusCode = statusCode;
        _body = JsonSerializer.SerializeToUtf8Bytes(receipt, Json);
    }

    public AnswerReceipt Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    /// <summary>The receipt of an answer of overall experience <paramref name="experience"/> (1 to 3).</summary>
    public static ReceiptResult For(StoreOutcome outcome, int experience) =>
        All[outcome == StoreOutcome.Stored ? 1 : 0, experience - 1];

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = _body.Length;
        return response.Body.WriteAsync(_body).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(AnswerReceipt), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(AnswerReceipt), ["application/json"]));
    }

    private static ReceiptResult[,] Build()
    {
        var all = new ReceiptResult[2, 3];
        for (var experience = 1; experience <= 3; experience++)
        {
            var points = SatisfactionScore.Points(experience);
            all[0, experience - 1] = new ReceiptResult(new AnswerReceipt("alreadyStored", points), StatusCodes.Status200OK);
            all[1, experience - 1] = new ReceiptResult(new AnswerReceipt("stored", points), StatusCodes.Status201Created);
        }
        return all;
    }
}
