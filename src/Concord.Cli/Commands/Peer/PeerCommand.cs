// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Globalization;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Node;
using Concord.Federation;
using Concord.Sharing.Audit;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Signing;
using NSec.Cryptography;

namespace Concord.Cli.Commands.Peer;

/// <summary>
/// <c>concord peer add|list|remove|sync|status</c>: the nodes this node pulls from (docs/federation.md). Credentials
/// never appear on the command line: a peer's API token is read from an environment variable named with
/// <c>--token-env</c> at each sync, or once from standard input with <c>--token-stdin</c> into an owner-only file.
/// </summary>
internal static class PeerCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("peer", "Manage federation peers: the nodes this node pulls intelligence from and pushes to.")
        {
            Add(environment), List(environment), Remove(environment), Sync(environment), Status(environment),
        };

    private static Command Add(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("name") { Description = "The peer's name (a-z, 0-9, '-', '_')." };
        var url = new Option<string>("--url") { Description = "The peer's TAXII 2.1 API root URL, e.g. https://peer.example/taxii2/api1/.", Required = true };
        var org = new Option<string>("--org") { Description = "The organization the peer acts as here (created when missing).", Required = true };
        var publicKey = new Option<string?>("--public-key") { Description = "The peer node's Ed25519 public key: its node-key.pub.pem file." };
        var unsigned = new Option<bool>("--unsigned") { Description = "The peer is a TAXII server that signs nothing: accept its pages unsigned." };
        var tokenEnv = new Option<string?>("--token-env") { Description = "The environment variable holding the API token the peer gave us (read at each sync)." };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the API token from standard input and keep it in an owner-only file." };
        var collections = new Option<string[]>("--collection") { Description = "A collection id on the peer to pull (repeat for more).", AllowMultipleArgumentsPerToken = false };
        var interval = new Option<int>("--interval") { Description = "Seconds between syncs while the node runs.", DefaultValueFactory = _ => 300 };
        var pushTo = new Option<string?>("--push-to") { Description = "The collection id of the peer's inbox: push our new objects there (the peer must run Concord and know our public key)." };
        var inbox = new Option<bool>("--inbox") { Description = "Create a local inbox collection the peer may push to (owned by its organization); give its id to the peer's operator for --push-to." };
        var command = new Command("add", "Add a peer, its organization and a local collection for each pulled collection.")
        {
            data, name, url, org, publicKey, unsigned, tokenEnv, tokenStdin, collections, interval, pushTo, inbox,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var peerName = parse.GetValue(name)!;
            string? pem = null;
            if (parse.GetValue(publicKey) is { } keyFile)
            {
                if (parse.GetValue(unsigned))
                {
                    return Fail(environment, "peer add", "--public-key and --unsigned exclude each other.");
                }

                try
                {
                    pem = File.ReadAllText(keyFile);
                    PublicKey.Import(SignatureAlgorithm.Ed25519, System.Text.Encoding.ASCII.GetBytes(pem), KeyBlobFormat.PkixPublicKeyText);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    return Fail(environment, "peer add", $"--public-key {keyFile}: not a readable Ed25519 public key in PEM: {e.Message}");
                }
            }
            else if (!parse.GetValue(unsigned))
            {
                return Fail(environment, "peer add", "give the peer node's public key (--public-key FILE), or --unsigned for a TAXII server that signs nothing.");
            }

            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var apiRoot) || (apiRoot.Scheme != Uri.UriSchemeHttps && apiRoot.Scheme != Uri.UriSchemeHttp))
            {
                return Fail(environment, "peer add", $"--url '{parse.GetValue(url)}' is not an absolute HTTP(S) URL.");
            }

            if ((parse.GetValue(collections) ?? []).Length == 0 && parse.GetValue(pushTo) is null && !parse.GetValue(inbox))
            {
                return Fail(environment, "peer add", "give at least one --collection to pull, --push-to to push, or --inbox to receive pushes.");
            }

            if (parse.GetValue(tokenEnv) is not null && parse.GetValue(tokenStdin))
            {
                return Fail(environment, "peer add", "--token-env and --token-stdin exclude each other.");
            }

            var configuration = NodeOptions.Configuration(parse, data);
            using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "peer add", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            var directory = NodeConfiguration.DataDirectory(configuration);
            var registry = new PeerRegistry(directory);
            if (!PeerRegistry.IsValidName(peerName) || registry.Find(peerName) is not null)
            {
                return Fail(environment, "peer add", $"'{peerName}' is not a valid new peer name (a-z, 0-9, '-', '_'; unused).");
            }

            string? token = null;
            if (parse.GetValue(tokenStdin))
            {
                using var reader = new StreamReader(environment.OpenInput());
                token = (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
                if (string.IsNullOrEmpty(token))
                {
                    return Fail(environment, "peer add", "--token-stdin: standard input holds no token.");
                }
            }

            var organization = await store.FindOrganizationAsync(parse.GetValue(org)!, cancellationToken).ConfigureAwait(false)
                ?? await store.CreateOrganizationAsync(parse.GetValue(org)!, cancellationToken).ConfigureAwait(false);
            var node = await NodeOrganizationAsync(store, directory, cancellationToken).ConfigureAwait(false);
            var mapped = new List<PeerCollection>();
            foreach (var remote in parse.GetValue(collections) ?? [])
            {
                var local = new CollectionInfo(Guid.NewGuid(), TaxiiServerOptions.DefaultApiRootName, $"{peerName}: {remote}")
                {
                    Description = $"Pulled from peer {peerName}, collection {remote}.",
                    OwnerOrganizationId = organization.Id,
                };
                await store.CreateCollectionAsync(local, cancellationToken).ConfigureAwait(false);
                await store.SetGrantAsync(new CollectionGrant(local.Id, node, CanRead: true, CanWrite: false), cancellationToken).ConfigureAwait(false);
                mapped.Add(new PeerCollection(remote, local.Id));
            }

            Guid? inboxId = null;
            if (parse.GetValue(inbox))
            {
                // Owned by the peer's organization like a pulled collection, so that what it pushes is its content under our agreements.
                var local = new CollectionInfo(Guid.NewGuid(), TaxiiServerOptions.DefaultApiRootName, $"{peerName}: inbox")
                {
                    Description = $"Pushed by peer {peerName}.",
                    OwnerOrganizationId = organization.Id,
                };
                await store.CreateCollectionAsync(local, cancellationToken).ConfigureAwait(false);
                await store.SetGrantAsync(new CollectionGrant(local.Id, organization.Id, CanRead: true, CanWrite: true), cancellationToken).ConfigureAwait(false);
                await store.SetGrantAsync(new CollectionGrant(local.Id, node, CanRead: true, CanWrite: false), cancellationToken).ConfigureAwait(false);
                inboxId = local.Id;
            }

            try
            {
                registry.Add(new Federation.Peer(peerName, apiRoot, organization.Id)
                {
                    PublicKeyPem = pem,
                    Unsigned = parse.GetValue(unsigned),
                    TokenVariable = parse.GetValue(tokenEnv),
                    Interval = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))),
                    Collections = mapped,
                    PushTo = parse.GetValue(pushTo),
                    Inbox = inboxId,
                });
                if (token is not null)
                {
                    registry.SaveToken(peerName, token);
                }
            }
            catch (FederationException e)
            {
                return Fail(environment, "peer add", e.Message);
            }

            environment.Out.WriteLine($"Added peer {peerName} ({apiRoot}) acting as organization {organization.Name}");
            foreach (var collection in mapped)
            {
                environment.Out.WriteLine($"  {collection.RemoteId} -> local collection {collection.LocalId:D}");
            }

            if (parse.GetValue(pushTo) is { } remoteInbox)
            {
                environment.Out.WriteLine($"  new objects are pushed to its collection {remoteInbox}");
            }

            if (inboxId is { } created)
            {
                environment.Out.WriteLine($"  it may push to local collection {created:D} (give this id to its operator for --push-to)");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var command = new Command("list", "List the peers.") { data };
        command.SetAction(parse => WithRegistry(parse, data, environment, "peer list", registry =>
        {
            foreach (var peer in registry.List())
            {
                var credentials = peer.TokenVariable is { } variable ? $"token from ${variable}" : File.Exists(registry.TokenPathOf(peer.Name)) ? "token file" : "no token";
                environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{peer.Name}  {peer.ApiRoot}  {(peer.Unsigned ? "unsigned" : "signed")}  every {peer.Interval.TotalSeconds}s  {credentials}  {peer.Collections.Count} collection(s)  {(peer.PushTo is { } push ? $"push to {push}" : "pull-only")}{(peer.Inbox is { } box ? $"  inbox {box:D}" : string.Empty)}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("name") { Description = "The peer's name." };
        var command = new Command("remove", "Remove a peer (what was pulled from it stays, with its provenance).") { data, name };
        command.SetAction(parse => WithRegistry(parse, data, environment, "peer remove", registry =>
        {
            var peer = parse.GetValue(name)!;
            if (!registry.Remove(peer))
            {
                return Fail(environment, "peer remove", $"there is no peer '{peer}'.");
            }

            var token = registry.TokenPathOf(peer);
            if (File.Exists(token))
            {
                File.Delete(token);
            }

            environment.Out.WriteLine($"Removed peer {peer}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Status(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print JSON (snake_case)." };
        var command = new Command("status", "Show, per peer, the last sync, lag, counts and errors.") { data, json };
        command.SetAction(parse => WithRegistry(parse, data, environment, "peer status", registry =>
        {
            var statuses = PeerStatus.Of(registry, DateTimeOffset.UtcNow);
            if (parse.GetValue(json))
            {
                environment.Out.WriteLine(PeerStatus.ToJson(statuses));
                return ExitCodes.Success;
            }

            foreach (var status in statuses)
            {
                environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{status.Name}  last sync {status.LastSyncAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"}  lag {(status.LagSeconds is { } lag ? lag + "s" : "-")}  added {status.Added}  duplicates {status.Duplicates}  refused {status.Refused}"));
                if (status.LastError is { } error)
                {
                    environment.Out.WriteLine($"  error: {error}");
                }

                if (status.PushTo is not null)
                {
                    environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  push to {status.PushTo}  last push {status.LastPushAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"}  pushed {status.Pushed}  refused by peer {status.PushFailed}  withheld {status.PushDenied}"));
                    if (status.LastPushError is { } pushError)
                    {
                        environment.Out.WriteLine($"  push error: {pushError}");
                    }

                    if (status.LastPushFailure is { } failure)
                    {
                        environment.Out.WriteLine($"  last refused: {failure}");
                    }
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Sync(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("name") { Description = "The peer's name." };
        var command = new Command("sync", "Sync a peer now (pull, then push when it has an inbox), printing progress per page (run it while the node is stopped: a running node syncs each peer itself on its interval).") { data, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = NodeOptions.Configuration(parse, data);
            using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "peer sync", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            var directory = NodeConfiguration.DataDirectory(configuration);
            Federation.Peer? peer;
            try
            {
                peer = new PeerRegistry(directory).Find(parse.GetValue(name)!);
            }
            catch (FederationException e)
            {
                return Fail(environment, "peer sync", e.Message);
            }

            if (peer is null)
            {
                return Fail(environment, "peer sync", $"there is no peer '{parse.GetValue(name)}'.");
            }

            var identity = NodeIdentity.Load(directory);
            using var key = NodeIdentity.LoadSigningKey(directory);
            AuditLog audit;
            try
            {
                audit = await AuditLog.OpenAsync(AuditSettings.Options(configuration, key, identity.StixId), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuditLogException or InvalidOperationException)
            {
                return Fail(environment, "peer sync", $"{e.Message} While the node runs it syncs its peers itself; see 'concord peer status'.");
            }

            await using (audit.ConfigureAwait(false))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
                var puller = new PeerPuller(store, audit, directory, await NodeOrganizationAsync(store, directory, cancellationToken).ConfigureAwait(false), http, TimeProvider.System);
                var progress = new SynchronousProgress<PullProgress>(report => environment.Out.WriteLine(
                    $"{report.Peer} {report.Collection}: +{report.Added} added, {report.Duplicates} already held, {report.Refused} refused"));
                var state = await puller.PullAsync(peer, progress, cancellationToken).ConfigureAwait(false);
                using var pusher = new PeerPusher(store, audit, directory, new ResponseSigner(key, identity.StixId), TimeProvider.System);
                var pushProgress = new SynchronousProgress<PushProgress>(report => environment.Out.WriteLine(
                    $"{report.Peer} push from {report.Collection:D}: {report.Accepted} received, {report.Failed} refused by the peer, {report.Denied} withheld by policy"));
                var pushed = await pusher.PushAsync(peer, pushProgress, cancellationToken).ConfigureAwait(false);
                var errors = new[] { state.LastError, pushed.LastError }.OfType<string>().ToArray();
                foreach (var error in errors)
                {
                    environment.Error.WriteLine($"concord peer sync: {error}");
                }

                if (errors.Length > 0)
                {
                    return ExitCodes.Negative;
                }

                environment.Out.WriteLine($"Synced {peer.Name}: {state.Collections.Values.Sum(c => c.Added)} object versions held from it in all.");
                if (peer.PushTo is not null)
                {
                    environment.Out.WriteLine($"Pushed to {peer.Name}: {pushed.Collections.Values.Sum(c => c.Accepted)} object versions received by it in all.");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>The node's own organization: the one <c>concord init</c> named the node after.</summary>
    internal static async Task<Guid> NodeOrganizationAsync(IConcordStore store, string directory, CancellationToken cancellationToken)
    {
        var name = NodeIdentity.Load(directory).Name;
        return (await store.FindOrganizationAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The node's organization '{name}' is missing from {directory}.")).Id;
    }

    private static int WithRegistry(ParseResult parse, Option<string?> data, CliEnvironment environment, string command, Func<PeerRegistry, int> action)
    {
        var directory = NodeConfiguration.DataDirectory(NodeOptions.Configuration(parse, data));
        if (!NodeIdentity.Exists(directory))
        {
            return Fail(environment, command, $"{directory} is not an initialised data directory; run 'concord init --data {directory}' first.");
        }

        try
        {
            return action(new PeerRegistry(directory));
        }
        catch (FederationException e)
        {
            return Fail(environment, command, e.Message);
        }
    }

    private static int Fail(CliEnvironment environment, string command, string message)
    {
        environment.Error.WriteLine($"concord {command}: {message}");
        return ExitCodes.InputError;
    }

    /// <summary>Reports on the puller's thread, so that progress lines come out in order before the command ends.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
