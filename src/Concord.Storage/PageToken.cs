// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Concord.Storage;

/// <summary>
/// The opaque TAXII <c>next</c> value (section 3.5): the position after the last version a page
/// returned. A follow-on query with the same filters and this token returns the versions added after
/// that position, so pages never skip or repeat a version even while other writers add objects.
/// </summary>
/// <remarks>
/// The text form is URL-safe (base64url, 11 characters). It encodes only a position, so a token stays
/// valid across restarts and after deletions. Immutable.
/// </remarks>
public readonly record struct PageToken
{
    /// <summary>Creates a token positioned after <paramref name="lastSeen"/>.</summary>
    /// <param name="lastSeen">The date added of the last version returned.</param>
    public PageToken(DateAdded lastSeen) => LastSeen = lastSeen;

    /// <summary>The date added of the last version the previous page returned.</summary>
    public DateAdded LastSeen { get; }

    /// <summary>Parses a token produced by <see cref="ToString"/>.</summary>
    /// <param name="text">The <c>next</c> query parameter.</param>
    /// <param name="token">The token when valid.</param>
    /// <returns>Whether the text is a token; TAXII answers 400 when it is not.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PageToken token)
    {
        token = default;
        if (text is null || text.Length != 11)
        {
            return false;
        }

        Span<char> padded = stackalloc char[12];
        for (var i = 0; i < 11; i++)
        {
            padded[i] = text[i] switch
            {
                '-' => '+',
                '_' => '/',
                '+' or '/' or '=' => '!',
                var c => c,
            };
        }

        padded[11] = '=';
        Span<byte> bytes = stackalloc byte[9];
        if (!Convert.TryFromBase64Chars(padded, bytes, out var written) || written != 8)
        {
            return false;
        }

        var value = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (value < 0)
        {
            return false;
        }

        token = new PageToken(new DateAdded(value));
        return true;
    }

    /// <summary>The opaque text sent as the envelope's <c>next</c> property.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, LastSeen.UnixMicroseconds);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
