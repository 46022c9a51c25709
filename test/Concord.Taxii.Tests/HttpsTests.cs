// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Concord.Storage.Sqlite;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Internal;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Taxii.Tests;

/// <summary>HTTPS with a configured certificate (PKCS#12), and the refusal of plain HTTP off loopback.</summary>
public sealed class HttpsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-https-" + Guid.NewGuid().ToString("N"));

    public HttpsTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_server_speaks_tls_with_the_configured_certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(directory, "node.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "secret"));

        await using var store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
        await using var app = TaxiiServerApplication.Build(store, new TaxiiServerOptions
        {
            Urls = ["https://127.0.0.1:0"],
            CertificatePath = pfx,
            CertificatePassword = "secret",
            EnforceSharingPolicy = false,
        });
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            Assert.Equal(Uri.UriSchemeHttps, address.Scheme);
            string? seen = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                {
                    seen = presented?.Thumbprint;
                    return presented?.Thumbprint == certificate.Thumbprint;
                },
            };
            using var http = new HttpClient(handler);
            using var health = await http.GetAsync(new Uri(address, "/healthz"));
            Assert.True(health.IsSuccessStatusCode);
            Assert.Equal(certificate.Thumbprint, seen);

            var error = await Assert.ThrowsAsync<TaxiiException>(() => new TaxiiClient(http).GetDiscoveryAsync(new Uri(address, "/taxii2/")));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.HttpStatus);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", false, true)]
    [InlineData("http://192.0.2.10:8080", false, true)]
    [InlineData("http://0.0.0.0:8080", true, false)]
    [InlineData("http://127.0.0.1:8080", false, false)]
    [InlineData("http://localhost:8080", false, false)]
    [InlineData("http://[::1]:8080", false, false)]
    public void Plain_http_is_refused_off_loopback_unless_allowed(string url, bool allow, bool refused)
    {
        // Listeners are only recorded here, never bound.
        var kestrel = new KestrelServerOptions();
        var options = new TaxiiServerOptions { Urls = [url], AllowInsecureHttp = allow };
        if (refused)
        {
            var error = Assert.Throws<InvalidOperationException>(() => ListenerSetup.Configure(kestrel, options));
            Assert.Contains("Refusing plain HTTP", error.Message, StringComparison.Ordinal);
        }
        else
        {
            ListenerSetup.Configure(kestrel, options);
            Assert.Equal(options.MaxContentLength * 2, kestrel.Limits.MaxRequestBodySize);
        }
    }
}
