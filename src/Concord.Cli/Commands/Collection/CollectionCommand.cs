// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Text.Json.Nodes;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Node;
using Concord.Storage;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Taxii.Server;

namespace Concord.Cli.Commands.Collection;

/// <summary><c>concord collection add --title T --read ORG,… --write ORG,…</c>: a TAXII collection with per-organization access.</summary>
internal static class CollectionCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var title = new Option<string>("--title") { Description = "The collection's title.", Required = true };
        var description = new Option<string?>("--description") { Description = "The collection's description." };
        var alias = new Option<string?>("--alias") { Description = "An alias unique within the API root." };
        var apiRoot = new Option<string>("--api-root") { Description = "The API root.", DefaultValueFactory = _ => TaxiiServerOptions.DefaultApiRootName };
        var read = new Option<string?>("--read") { Description = "Organizations that may read, separated by commas." };
        var write = new Option<string?>("--write") { Description = "Organizations that may write, separated by commas." };
        var add = new Command("add", "Add a collection and grant read and write access to organizations.") { data, title, description, alias, apiRoot, read, write };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(apiRoot)!;
            if (!TaxiiServerApplication.IsApiRootName(root))
            {
                environment.Error.WriteLine($"concord collection add: '{root}' is not a valid API root name (a-z, 0-9, '-', '_').");
                return ExitCodes.InputError;
            }

            var configuration = NodeOptions.Configuration(parse, data);
            using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "collection add", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            var readers = Names(parse.GetValue(read));
            var writers = Names(parse.GetValue(write));
            var organizations = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var name in readers.Concat(writers).Distinct(StringComparer.Ordinal))
            {
                var organization = await store.FindOrganizationAsync(name, cancellationToken).ConfigureAwait(false);
                if (organization is null)
                {
                    environment.Error.WriteLine($"concord collection add: there is no organization '{name}'.");
                    return ExitCodes.InputError;
                }

                organizations[name] = organization.Id;
            }

            var collection = new CollectionInfo(Guid.NewGuid(), root, parse.GetValue(title)!)
            {
                Description = parse.GetValue(description),
                Alias = parse.GetValue(alias),
            };
            try
            {
                await store.CreateCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                environment.Error.WriteLine($"concord collection add: the alias '{collection.Alias}' is taken in API root {root}.");
                return ExitCodes.InputError;
            }

            foreach (var (name, id) in organizations)
            {
                await store.SetGrantAsync(new CollectionGrant(collection.Id, id, readers.Contains(name), writers.Contains(name)), cancellationToken).ConfigureAwait(false);
            }

            environment.Out.WriteLine(collection.Id.ToString("D"));
            var details = new JsonObject
            {
                ["collection"] = collection.Id.ToString("D"),
                ["api_root"] = root,
                ["title"] = collection.Title,
                ["read"] = new JsonArray([.. readers.Order(StringComparer.Ordinal).Select(r => JsonValue.Create(r))]),
                ["write"] = new JsonArray([.. writers.Order(StringComparer.Ordinal).Select(w => JsonValue.Create(w))]),
            };
            var audited = await AdministrationAudit.RecordAsync(configuration, environment, "collection add", null, "collection added", details, cancellationToken).ConfigureAwait(false);
            return audited ? ExitCodes.Success : ExitCodes.InputError;
        });
        return new Command("collection", "Manage TAXII collections.") { add };
    }

    private static HashSet<string> Names(string? list) =>
        new((list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
}
