using Microsoft.AspNetCore.Http.Features;

namespace Actors.Gateway.Validation;

/// <summary>Reads a request body whole, but never more than the configured limit (413 beyond it), and only JSON (415 otherwise).</summary>
public static class RequestBody
{
    /// <summary>The body of <paramref name="request"/> as bytes.</summary>
    /// <exception cref="GatewayRequestException">415 for a non-JSON content type, 413 when the body exceeds <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new GatewayRequestException(StatusCodes.Status415UnsupportedMediaType, null,
                $"the body must be JSON (Content-Type: application/json; was '{request.ContentType ?? "none"}').");
        }
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        // Kestrel enforces its own limit too; lowering it to ours makes an oversized chunked body fail early there as well.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new GatewayRequestException(StatusCodes.Status413PayloadTooLarge, null, tooLarge.Message);
        }
        return buffer.ToArray();
    }

    /// <summary>Rejects a body that is not UTF-8 (JSON text must be, RFC 8259), before any JSON reader sees it.</summary>
    /// <exception cref="GatewayRequestException">400 naming <paramref name="field"/>.</exception>
    public static void RequireUtf8(ReadOnlySpan<byte> body, string field)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw new GatewayRequestException(StatusCodes.Status400BadRequest, field, "the body is not valid UTF-8.");
        }
    }

    private static GatewayRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, null, $"the body is larger than {maxBytes} bytes.");
}
