// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Concord.Taxii.Server.Accounts;

/// <summary>
/// Password hashes with PBKDF2-HMAC-SHA256 (600,000 iterations, 16-byte random salt, 32-byte key), written as
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64), and checked in constant time.
/// </summary>
/// <remarks>Stateless and thread-safe. Deliberately slow: about a third of a second per check on one core.</remarks>
public static class PasswordHashing
{
    /// <summary>The iteration count of new hashes (the OWASP 2023 recommendation for PBKDF2-HMAC-SHA256).</summary>
    public const int Iterations = 600_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    /// <summary>Hashes a password with a fresh random salt.</summary>
    /// <param name="password">The password.</param>
    /// <returns>The opaque hash string to store.</returns>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}");
    }

    /// <summary>Checks a password against a stored hash in constant time (for a given hash).</summary>
    /// <param name="password">The password offered.</param>
    /// <param name="hash">The stored hash; a malformed hash never verifies.</param>
    public static bool Verify(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(hash);
        var parts = hash.Split('$');
        if (parts.Length != 4 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A random password of 24 URL-safe characters (144 bits), for generated accounts.</summary>
    public static string GeneratePassword() => Base64Url(RandomNumberGenerator.GetBytes(18));

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
