// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Node;
using Concord.Sharing;
using Concord.Sharing.Administration;
using Concord.Sharing.Audit;

namespace Concord.Cli.Commands.Group;

/// <summary>
/// What <c>concord group</c> and <c>concord agreement</c> share: opening the node's store and audit log, the acting
/// operator (the local operating-system user), and turning a refused request into a message and exit code 2.
/// </summary>
internal static class SharingCli
{
    public static AuditActor Operator => AuditActor.Local(Environment.UserName);

    /// <summary>Runs one administration action on an initialised node.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Option<string?> data, CliEnvironment environment, string command, Func<SharingAdministration, Task<int>> action)
    {
        var configuration = NodeOptions.Configuration(parse, data);
        using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, command, CancellationToken.None).ConfigureAwait(false);
        if (store is null)
        {
            return ExitCodes.InputError;
        }

        var directory = NodeConfiguration.DataDirectory(configuration);
        var identity = NodeIdentity.Load(directory);
        using var key = NodeIdentity.LoadSigningKey(directory);
        AuditLog audit;
        try
        {
            audit = await AuditLog.OpenAsync(AuditSettings.Options(configuration, key, identity.StixId)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuditLogException or InvalidOperationException)
        {
            environment.Error.WriteLine($"concord {command}: {e.Message}");
            return ExitCodes.InputError;
        }

        await using (audit.ConfigureAwait(false))
        {
            try
            {
                return await action(new SharingAdministration(store, audit, TimeProvider.System)).ConfigureAwait(false);
            }
            catch (SharingException e)
            {
                environment.Error.WriteLine($"concord {command}: {e.Message}");
                return ExitCodes.InputError;
            }
        }
    }

    public static void WriteJson<T>(CliEnvironment environment, T value, JsonTypeInfo<T> type) =>
        environment.Out.WriteLine(JsonSerializer.Serialize(value, type));

    public static Option<bool> Json() => new("--json") { Description = "Print JSON (snake_case) instead of text." };

    public static string Describe(PartyView party) => (party.Kind == "organization" ? "org:" : "group:") + party.Name;
}
