// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Commands.Init;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Concord.Taxii.Server;
using Microsoft.Extensions.Hosting;

namespace Concord.Cli.Commands.Serve;

/// <summary><c>concord serve</c>: runs the node (TAXII 2.1 under /taxii2/, /healthz), initialising an empty data directory first.</summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var urls = new Option<string?>("--urls") { Description = "Listening URLs separated by ';' (default http://127.0.0.1:8080; https:// needs Tls:CertificatePath)." };
        var insecure = new Option<bool>("--allow-insecure-http") { Description = "Allow plain HTTP on non-loopback addresses (only behind a TLS-terminating proxy)." };
        var command = new Command("serve", "Run the node: TAXII 2.1 under /taxii2/ and /healthz. An empty data directory is initialised first.")
        {
            data, urls, insecure,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var flags = new Dictionary<string, string?>();
            if (parse.GetValue(urls) is { } u)
            {
                flags["Urls"] = u;
            }

            if (parse.GetValue(insecure))
            {
                flags["AllowInsecureHttp"] = "true";
            }

            var configuration = NodeOptions.Configuration(parse, data, flags);
            var directory = NodeConfiguration.DataDirectory(configuration);
            TaxiiServerOptions options;
            try
            {
                options = NodeConfiguration.ServerOptions(configuration);
                StoreFactory.Engine(configuration);
            }
            catch (InvalidOperationException e)
            {
                environment.Error.WriteLine($"concord serve: {e.Message}");
                return ExitCodes.InputError;
            }

            if (!NodeIdentity.Exists(directory))
            {
                var init = await InitCommand.InitializeAsync(configuration, InitCommand.DefaultOrganization, environment, cancellationToken).ConfigureAwait(false);
                if (init != ExitCodes.Success)
                {
                    return init;
                }
            }

            NodeIdentity identity;
            try
            {
                identity = NodeIdentity.Load(directory);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or Concord.Stix.Json.StixFormatException)
            {
                environment.Error.WriteLine($"concord serve: the node identity in {directory} cannot be read: {e.Message}");
                return ExitCodes.InputError;
            }

            using var signingKey = NodeIdentity.LoadSigningKey(directory);
            var signer = new Concord.Taxii.Server.Signing.ResponseSigner(signingKey, identity.StixId);
            AuditLog audit;
            try
            {
                audit = await AuditLog.OpenAsync(AuditSettings.Options(configuration, signingKey, identity.StixId), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuditLogException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"concord serve: the audit log cannot be opened: {e.Message}");
                return ExitCodes.InputError;
            }

            // Disposed last, after the server has stopped, so that its final checkpoint signs everything the server recorded.
            await using var auditLog = audit.ConfigureAwait(false);
            var store = await StoreFactory.OpenAsync(configuration, environment, "serve", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            await using (store.ConfigureAwait(false))
            {
                Microsoft.AspNetCore.Builder.WebApplication app;
                try
                {
                    // The node identity carries the node's organization name: its users and tokens administer sharing.
                    var administrators = await store.FindOrganizationAsync(identity.Name, cancellationToken).ConfigureAwait(false);
                    app = TaxiiServerApplication.Build(store, options with
                    {
                        AdministratorOrganizationId = administrators?.Id,
                        Signer = signer,
                        IngestGate = administrators is { } node ? new Federation.PeerIngestGate(store, audit, directory, node.Id, TimeProvider.System) : null,
                    }, audit: audit);
                }
                catch (InvalidOperationException e)
                {
                    environment.Error.WriteLine($"concord serve: {e.Message}");
                    return ExitCodes.InputError;
                }

                await using (app.ConfigureAwait(false))
                {
                    var federation = await Peer.FederationHost.StartAsync(app, store, audit, directory, signer, cancellationToken).ConfigureAwait(false);
                    await using var stopFederation = federation.ConfigureAwait(false);
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    environment.Out.WriteLine($"Concord node {identity.StixId} serving TAXII 2.1 at {string.Join(", ", app.Urls.Select(url => url.TrimEnd('/') + "/taxii2/"))}");
                    environment.Out.Flush();
                    await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
