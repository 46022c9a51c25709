// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Concord.Sharing.Audit.Internal;

/// <summary>
/// <c>head.json</c>: <c>{"seq": N, "hash": "…"}</c>, the last checkpoint written, replaced atomically after each one, so
/// that cutting entries off the end of the log (back to before that checkpoint) is detected.
/// </summary>
internal sealed record AuditHead(long Seq, string Hash)
{
    /// <summary>The head, or null when the file does not exist.</summary>
    /// <exception cref="AuditLogException">The file cannot be read or is not a head.</exception>
    public static AuditHead? Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditLogException($"{path} cannot be read: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var seqValue) && seqValue >= 1
                && root.TryGetProperty("hash", out var hash) && hash.GetString() is { Length: 64 } hashValue && hashValue.All(char.IsAsciiHexDigitLower))
            {
                return new AuditHead(seqValue, hashValue);
            }
        }
        catch (JsonException e)
        {
            throw new AuditLogException($"{path} is not JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new AuditLogException($"{path}: $.hash must be a string: {e.Message}", e);
        }

        throw new AuditLogException($"{path} must be {{\"seq\": N, \"hash\": \"64 hexadecimal digits\"}}.");
    }

    /// <summary>Replaces the head: written to a temporary file, flushed, then renamed over the old one.</summary>
    public static void Write(string path, long seq, string hash)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{seq},\"hash\":\"{hash}\"}}\n")));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
