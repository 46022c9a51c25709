// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Security.Cryptography;
using System.Text;

namespace Concord.Taxii.Server.Accounts;

/// <summary>
/// API tokens for Bearer authentication: 256 random bits, printed once as <c>concord_</c> + base64url; only
/// their SHA-256 is stored, so a copy of the database does not give access.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class ApiTokens
{
    /// <summary>The prefix of every token, so that leaked tokens are easy to find in logs and repositories.</summary>
    public const string Prefix = "concord_";

    /// <summary>Creates a token.</summary>
    /// <returns>The token to give to the user once, and the hash to store.</returns>
    public static (string Token, string Hash) Create()
    {
        var token = Prefix + PasswordHashing.Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    /// <summary>The SHA-256 of a token's UTF-8 bytes in lowercase hex, as stored.</summary>
    /// <param name="token">The token.</param>
    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
