using System.Buffers;

namespace QaBot.Web.Hosting;

/// <summary>
/// Reads a request body up to a limit, whatever the server's own limit or the Content-Length claims.
/// A body that cannot be read (bad chunking, or the client closing before its end) throws
/// <see cref="BadHttpRequestException"/>, which the host answers with 400 (see <see cref="FailureStatus"/>).
/// </summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadUpToAsync(request, maxBytes, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && request.HttpContext.RequestAborted.IsCancellationRequested && e is not BadHttpRequestException)
        {
            // The client went away before its body ended: as unreadable as a bad chunk, and said the same way.
            throw new BadHttpRequestException("The request body ended before it was complete.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static async Task<byte[]?> ReadUpToAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
