// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net.Http.Headers;
using System.Text;

namespace Concord.Taxii;

/// <summary>How a client authenticates: HTTP Basic (RFC 7617, section 1.6.9) or a Bearer API token.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TaxiiCredentials
{
    private readonly AuthenticationHeaderValue header;

    private TaxiiCredentials(AuthenticationHeaderValue header) => this.header = header;

    /// <summary>HTTP Basic credentials.</summary>
    /// <param name="userName">The user name; must not contain a colon.</param>
    /// <param name="password">The password.</param>
    /// <exception cref="ArgumentException">The user name is empty or contains a colon.</exception>
    public static TaxiiCredentials Basic(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("An HTTP Basic user name cannot contain a colon (RFC 7617 section 2).", nameof(userName));
        }

        return new(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"))));
    }

    /// <summary>A Bearer API token.</summary>
    /// <param name="token">The token as printed by <c>concord token create</c>.</param>
    /// <exception cref="ArgumentException">The token is empty.</exception>
    public static TaxiiCredentials Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new(new AuthenticationHeaderValue("Bearer", token));
    }

    /// <summary>The <c>Authorization</c> header value.</summary>
    public AuthenticationHeaderValue ToHeader() => header;
}
