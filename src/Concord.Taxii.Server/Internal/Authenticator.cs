// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Concord.Storage;
using Concord.Taxii.Server.Accounts;
using Microsoft.AspNetCore.Http;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// Authenticates requests with HTTP Basic (users, PBKDF2 hashes, lockout after repeated failures) or Bearer (API
/// tokens by SHA-256; the scheme <c>Token</c> is accepted as a synonym, as taxii2-client's <c>TokenAuth</c> sends it).
/// Every failure is the same 401, whether the user exists, is locked or gave a wrong password.
/// </summary>
/// <remarks>
/// Thread-safe. A verified Basic credential is remembered for <see cref="TaxiiServerOptions.CredentialCacheDuration"/>
/// under an HMAC with a per-process random key, so that the deliberately slow hash runs once per client, not per request.
/// Password checks run at most one per core at a time, so a flood of bad passwords cannot starve the server.
/// </remarks>
internal sealed class Authenticator : IDisposable
{
    private const int MaxCachedCredentials = 10_000;
    private const int MaxCredentialLength = 1024;

    // Checked against when the user does not exist, so that the answer takes as long as for a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));

    private readonly IAccountStore accounts;
    private readonly TaxiiServerOptions options;
    private readonly TimeProvider time;
    private readonly byte[] cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Expires)> verified = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim hashing = new(Environment.ProcessorCount);

    public Authenticator(IAccountStore accounts, TaxiiServerOptions options, TimeProvider time)
    {
        this.accounts = accounts;
        this.options = options;
        this.time = time;
    }

    public void Dispose() => hashing.Dispose();

    /// <summary>The caller, or a 401 <see cref="TaxiiProblem"/>.</summary>
    public async Task<Caller> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { Length: > 0 and <= MaxCredentialLength } value)
        {
            throw Unauthorized();
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? value : value[..space];
        var parameter = space < 0 ? string.Empty : value[(space + 1)..].Trim();
        Caller? caller = null;
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            caller = await BasicAsync(parameter, context.RequestAborted).ConfigureAwait(false);
        }
        else if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Token", StringComparison.OrdinalIgnoreCase))
        {
            caller = await BearerAsync(parameter, context.RequestAborted).ConfigureAwait(false);
        }

        return caller ?? throw Unauthorized();
    }

    private async Task<Caller?> BasicAsync(string parameter, CancellationToken cancellationToken)
    {
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var name = decoded[..colon];
        var password = decoded[(colon + 1)..];
        var now = time.GetUtcNow();
        var cacheEntry = Convert.ToBase64String(HMACSHA256.HashData(cacheKey, Encoding.UTF8.GetBytes(decoded)));
        if (verified.TryGetValue(cacheEntry, out var hit))
        {
            if (hit.Expires > now)
            {
                return hit.Caller;
            }

            verified.TryRemove(cacheEntry, out _);
        }

        var user = await accounts.FindUserAsync(name, cancellationToken).ConfigureAwait(false);
        if (user is not null && user.LockedUntil > now)
        {
            return null;
        }

        bool ok;
        await hashing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ok = PasswordHashing.Verify(password, user?.PasswordHash ?? DummyHash.Value) && user is not null;
        }
        finally
        {
            hashing.Release();
        }

        if (user is null)
        {
            return null;
        }

        if (!ok)
        {
            await accounts.RecordSignInFailureAsync(user.Id, now, options.MaxFailedLogins, options.LockoutDuration, CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        if (user.FailedAttempts > 0)
        {
            await accounts.RecordSignInSuccessAsync(user.Id, CancellationToken.None).ConfigureAwait(false);
        }

        var caller = new Caller(user.OrganizationId, user.Name);
        if (options.CredentialCacheDuration > TimeSpan.Zero)
        {
            if (verified.Count >= MaxCachedCredentials)
            {
                verified.Clear();
            }

            verified[cacheEntry] = (caller, now + options.CredentialCacheDuration);
        }

        return caller;
    }

    private async Task<Caller?> BearerAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var stored = await accounts.FindApiTokenAsync(ApiTokens.HashOf(token), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return null;
        }

        return new Caller(stored.OrganizationId, "token:" + stored.Name);
    }

    private static TaxiiProblem Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication required",
            "Send valid HTTP Basic credentials or a Bearer API token.");
}
