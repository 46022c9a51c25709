// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Accounts;

namespace Concord.Cli.Node;

/// <summary>
/// Initialises a data directory: the node's organization, the administrator <c>admin</c> in it (password from
/// <c>CONCORD_ADMIN_PASSWORD</c> or generated and printed once), the default collection in the default API root with
/// read and write for the node's organization, and last the node identity and key (their presence marks the directory initialised).
/// </summary>
internal static class NodeInitializer
{
    public const string AdminUser = "admin";
    public const string AdminPasswordVariable = "CONCORD_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IConcordStore store, string dataDirectory, string organizationName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (NodeIdentity.Exists(dataDirectory))
        {
            error.WriteLine($"concord init: {dataDirectory} is already initialised.");
            return ExitCodes.InputError;
        }

        var organization = await store.FindOrganizationAsync(organizationName, cancellationToken).ConfigureAwait(false)
            ?? await store.CreateOrganizationAsync(organizationName, cancellationToken).ConfigureAwait(false);
        if (await store.FindUserAsync(AdminUser, cancellationToken).ConfigureAwait(false) is not null)
        {
            error.WriteLine($"concord init: {dataDirectory} has a user '{AdminUser}' but no node identity; it was initialised by something else. Use an empty directory.");
            return ExitCodes.InputError;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(AdminPasswordVariable);
        var password = string.IsNullOrEmpty(fromEnvironment) ? PasswordHashing.GeneratePassword() : fromEnvironment;
        await store.CreateUserAsync(organization.Id, AdminUser, PasswordHashing.Hash(password), cancellationToken).ConfigureAwait(false);

        var collection = new CollectionInfo(Guid.NewGuid(), TaxiiServerOptions.DefaultApiRootName, "Default collection")
        {
            Description = $"The default collection of {organizationName}.",
            OwnerOrganizationId = organization.Id,
        };
        await store.CreateCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
        await store.SetGrantAsync(new CollectionGrant(collection.Id, organization.Id, CanRead: true, CanWrite: true), cancellationToken).ConfigureAwait(false);

        var identity = NodeIdentity.Create(dataDirectory, organizationName, DateTimeOffset.UtcNow);
        output.WriteLine($"Initialised {dataDirectory}");
        output.WriteLine($"  node identity:      {identity.StixId} (Ed25519 key in {NodeIdentity.PrivateKeyFile})");
        output.WriteLine($"  organization:       {organizationName}");
        output.WriteLine($"  API root:           /taxii2/{TaxiiServerOptions.DefaultApiRootName}/");
        output.WriteLine($"  default collection: {collection.Id:D}");
        output.WriteLine($"  administrator:      {AdminUser}");
        output.WriteLine(string.IsNullOrEmpty(fromEnvironment)
            ? $"  password:           {password}    (shown once; store it now)"
            : $"  password:           from {AdminPasswordVariable}");
        return ExitCodes.Success;
    }
}
