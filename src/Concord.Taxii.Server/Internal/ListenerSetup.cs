// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// Turns the configured URLs into Kestrel listeners: HTTPS with the configured certificate, plain HTTP only on
/// loopback addresses unless <see cref="TaxiiServerOptions.AllowInsecureHttp"/> is set (TAXII 2.1 section 1.6.6).
/// </summary>
internal static class ListenerSetup
{
    public static void Configure(KestrelServerOptions kestrel, TaxiiServerOptions options)
    {
        X509Certificate2? certificate = null;
        foreach (var text in options.Urls)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query))
            {
                throw new InvalidOperationException($"'{text}' is not a listening URL such as https://0.0.0.0:8443 or http://127.0.0.1:8080.");
            }

            var addresses = Addresses(url.Host);
            var https = url.Scheme == Uri.UriSchemeHttps;
            if (!https && !options.AllowInsecureHttp && !addresses.All(IPAddress.IsLoopback))
            {
                throw new InvalidOperationException(
                    $"Refusing plain HTTP on {text}: TAXII runs over HTTPS. Use an https:// URL with Tls:CertificatePath, listen on loopback, or set AllowInsecureHttp behind a TLS-terminating proxy.");
            }

            if (https)
            {
                certificate ??= LoadCertificate(options);
            }

            foreach (var address in addresses)
            {
                kestrel.Listen(address, url.Port, listen =>
                {
                    if (https)
                    {
                        listen.UseHttps(certificate!);
                    }
                });
            }
        }

        kestrel.AddServerHeader = false;
        // Twice the advertised maximum, so that a modestly oversize body can be drained and answered with a clean 413;
        // the advertised max_content_length itself is enforced by the Add Objects endpoint.
        kestrel.Limits.MaxRequestBodySize = options.MaxContentLength > long.MaxValue / 2 ? long.MaxValue : options.MaxContentLength * 2;

        // Kestrel answers over-long request lines and headers itself, with an empty body; raising its limits lets the
        // error boundary answer them with a TAXII error resource instead.
        kestrel.Limits.MaxRequestLineSize = 64 * 1024;
        kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
    }

    private static IPAddress[] Addresses(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback];
        }

        if (host is "*" or "+" or "0.0.0.0")
        {
            return [IPAddress.Any];
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return [address];
        }

        throw new InvalidOperationException($"Listen on an IP address, localhost or 0.0.0.0, not the host name '{host}'.");
    }

    private static X509Certificate2 LoadCertificate(TaxiiServerOptions options)
    {
        if (string.IsNullOrEmpty(options.CertificatePath))
        {
            throw new InvalidOperationException("An https:// URL needs a server certificate: set Tls:CertificatePath (PKCS#12 or PEM).");
        }

        var path = options.CertificatePath;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }

        var keyPath = options.CertificateKeyPath ?? path;
        return string.IsNullOrEmpty(options.CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, keyPath);
    }
}
