// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Concord.Storage;

namespace Concord.Cli.Commands.Org;

/// <summary><c>concord org add NAME</c> and <c>concord org list</c>.</summary>
internal static class OrgCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("name") { Description = "The organization's name." };
        var add = new Command("add", "Add a member organization.") { data, name };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = NodeOptions.Configuration(parse, data);
            using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "org add", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            try
            {
                var organization = await store.CreateOrganizationAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
                environment.Out.WriteLine($"Added organization {organization.Name} ({organization.Id:D})");
                var audited = await AdministrationAudit.RecordAsync(
                    configuration, environment, "org add", new AuditOrganization(organization.Id, organization.Name), "organization added", [], cancellationToken).ConfigureAwait(false);
                return audited ? ExitCodes.Success : ExitCodes.InputError;
            }
            catch (StorageConflictException)
            {
                environment.Error.WriteLine($"concord org add: an organization named '{parse.GetValue(name)}' exists.");
                return ExitCodes.InputError;
            }
        });

        var listData = NodeOptions.Data();
        var list = new Command("list", "List the organizations.") { listData };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var store = await NodeOptions.OpenInitialisedAsync(NodeOptions.Configuration(parse, listData), environment, "org list", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            foreach (var organization in await store.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false))
            {
                environment.Out.WriteLine($"{organization.Id:D}  {organization.Name}");
            }

            return ExitCodes.Success;
        });
        return new Command("org", "Manage member organizations.") { add, list };
    }
}
