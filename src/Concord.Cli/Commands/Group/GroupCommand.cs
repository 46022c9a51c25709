// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Node;
using Concord.Sharing.Administration;
using Concord.Sharing.Audit;

namespace Concord.Cli.Commands.Group;

/// <summary>
/// <c>concord group add|list|remove|own</c> and <c>concord group member add|remove</c>: working groups, their member
/// organizations and the collections they own. Every change is recorded in the audit log.
/// </summary>
internal static class GroupCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var group = new Command("group", "Manage working groups: named sets of member organizations that share with each other.")
        {
            Add(environment),
            List(environment),
            Remove(environment),
            Own(environment),
            new Command("member", "Manage the member organizations of a working group.") { Member(environment, add: true), Member(environment, add: false) },
        };
        return group;
    }

    private static Command Add(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("name") { Description = "The working group's name." };
        var description = new Option<string?>("--description") { Description = "What the working group is for." };
        var command = new Command("add", "Add a working group (with no members).") { data, name, description };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "group add", async admin =>
        {
            var added = await admin.AddGroupAsync(parse.GetValue(name), parse.GetValue(description), SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine($"Added working group {added.Name} ({added.Id:D})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var json = SharingCli.Json();
        var command = new Command("list", "List the working groups with their members and collections.") { data, json };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "group list", async admin =>
        {
            var groups = await admin.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                SharingCli.WriteJson(environment, groups, SharingJsonContext.Default.IReadOnlyListWorkingGroupView);
                return ExitCodes.Success;
            }

            foreach (var each in groups)
            {
                environment.Out.WriteLine($"{each.Id:D}  {each.Name}");
                environment.Out.WriteLine("  members:     " + (each.Members.Count == 0 ? "(none)" : string.Join(", ", each.Members.Select(m => m.Name))));
                environment.Out.WriteLine("  collections: " + (each.Collections.Count == 0 ? "(none)" : string.Join(", ", each.Collections.Select(c => c.ToString("D")))));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("group") { Description = "The working group's name or id." };
        var command = new Command("remove", "Remove a working group that owns no collection and is party to no agreement in effect.") { data, name };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "group remove", async admin =>
        {
            await admin.RemoveGroupAsync(parse.GetValue(name)!, SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine($"Removed working group {parse.GetValue(name)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Own(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("group") { Description = "The working group's name or id." };
        var collection = new Option<Guid>("--collection") { Description = "The collection (its id) the working group owns from now on; no organization may own it.", Required = true };
        var command = new Command("own", "Make a working group the owner of a collection: its content is the group's.") { data, name, collection };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "group own", async admin =>
        {
            await admin.SetCollectionOwnerAsync(parse.GetValue(name)!, parse.GetValue(collection), SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine($"Collection {parse.GetValue(collection):D} is owned by working group {parse.GetValue(name)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Member(CliEnvironment environment, bool add)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("group") { Description = "The working group's name or id." };
        var organization = new Argument<string>("organization") { Description = "The organization's name or id." };
        var command = new Command(add ? "add" : "remove", add ? "Make an organization a member of a working group." : "Remove an organization from a working group.") { data, name, organization };
        var commandName = add ? "group member add" : "group member remove";
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, commandName, async admin =>
        {
            var changed = add
                ? await admin.AddMemberAsync(parse.GetValue(name)!, parse.GetValue(organization)!, SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false)
                : await admin.RemoveMemberAsync(parse.GetValue(name)!, parse.GetValue(organization)!, SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine((changed, add) switch
            {
                (true, true) => $"{parse.GetValue(organization)} joined {parse.GetValue(name)}",
                (true, false) => $"{parse.GetValue(organization)} left {parse.GetValue(name)}",
                (false, true) => $"{parse.GetValue(organization)} already is a member of {parse.GetValue(name)}",
                (false, false) => $"{parse.GetValue(organization)} is not a member of {parse.GetValue(name)}",
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
