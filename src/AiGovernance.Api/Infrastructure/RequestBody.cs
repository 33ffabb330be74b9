using Microsoft.Extensions.Options;

namespace AiGovernance.Api.Infrastructure;

/// <summary>
/// Reads a request body within the configured limit. Kestrel enforces the limit too; checking here
/// keeps the 413 behaviour under any server (and in the in-memory test host).
/// </summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var max = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > max) throw TooLarge(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw TooLarge(max);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge(long max) =>
        new($"The request body exceeds the limit of {max:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
}
