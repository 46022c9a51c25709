// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Server;

/// <summary>Settings of the TAXII server. Each property is documented in docs/configuration.md with its configuration key.</summary>
/// <remarks>Immutable.</remarks>
public sealed record TaxiiServerOptions
{
    /// <summary>The discovery resource's title (<c>Taxii:Title</c>).</summary>
    public string Title { get; init; } = "Concord TAXII 2.1 server";

    /// <summary>The discovery resource's description (<c>Taxii:Description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The discovery resource's contact (<c>Taxii:Contact</c>).</summary>
    public string? Contact { get; init; }

    /// <summary>The API roots served under <c>/taxii2/NAME/</c>, by name (<c>Taxii:ApiRoots:NAME:Title</c>, <c>...:Description</c>).</summary>
    public IReadOnlyDictionary<string, ApiRootSettings> ApiRoots { get; init; } =
        new Dictionary<string, ApiRootSettings>(StringComparer.Ordinal) { [DefaultApiRootName] = new ApiRootSettings("Concord") };

    /// <summary>The API root advertised as <c>default</c> in discovery (<c>Taxii:DefaultApiRoot</c>); one of <see cref="ApiRoots"/>.</summary>
    public string DefaultApiRoot { get; init; } = DefaultApiRootName;

    /// <summary>The name of the API root <c>concord init</c> creates.</summary>
    public const string DefaultApiRootName = "api1";

    /// <summary>The largest request body in octets (<c>Taxii:MaxContentLength</c>); larger ones get 413. Default 10 MiB.</summary>
    public long MaxContentLength { get; init; } = 10 * 1024 * 1024;

    /// <summary>The page size when a request has no <c>limit</c> (<c>Taxii:DefaultPageSize</c>).</summary>
    public int DefaultPageSize { get; init; } = 1000;

    /// <summary>The largest page the server returns whatever the <c>limit</c> (<c>Taxii:MaxPageSize</c>).</summary>
    public int MaxPageSize { get; init; } = 10_000;

    /// <summary>Consecutive failed logins after which a user is locked out (<c>Accounts:MaxFailedLogins</c>).</summary>
    public int MaxFailedLogins { get; init; } = 5;

    /// <summary>How long a locked-out user stays locked (<c>Accounts:LockoutSeconds</c>).</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a verified Basic credential is remembered (as an HMAC under a per-process key, never the password), so
    /// that the slow password hash runs once per client rather than once per request (<c>Accounts:CredentialCacheSeconds</c>).
    /// Zero disables the cache.
    /// </summary>
    public TimeSpan CredentialCacheDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether every read endpoint goes through the sharing policy (docs/sharing.md); true by default and in
    /// <c>concord serve</c>, which has no setting for it. Switching it off is for benchmarks and transport tests only: every
    /// caller with a read grant then receives everything, and nothing is audited.
    /// </summary>
    public bool EnforceSharingPolicy { get; init; } = true;

    /// <summary>
    /// The node's own organization, whose users and tokens administer the sharing model through the HTTP admin API under
    /// <c>/api/v1/</c>; null disables the admin API. <c>concord serve</c> sets it to the organization of the node identity.
    /// </summary>
    public Guid? AdministratorOrganizationId { get; init; }

    /// <summary>The URLs Kestrel listens on (<c>Urls</c>, <c>--urls</c>); <c>http://127.0.0.1:8080</c> by default.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>Allow plain HTTP on addresses other than loopback (<c>AllowInsecureHttp</c>); for TLS-terminating proxies only.</summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>The server certificate for HTTPS URLs: a PKCS#12 (.pfx) or PEM file (<c>Tls:CertificatePath</c>).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key file when <see cref="CertificatePath"/> is PEM without its key (<c>Tls:CertificateKeyPath</c>).</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>The password of the PKCS#12 file or encrypted PEM key (<c>Tls:CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Signs successful TAXII GET responses with the node's key (docs/federation.md); unsigned when null.</summary>
    public Signing.ResponseSigner? Signer { get; init; }

    /// <summary>Checks TAXII POSTs beyond validation (federation: signed pushes, entry policy, provenance); none when null.</summary>
    public IIngestGate? IngestGate { get; init; }
}
