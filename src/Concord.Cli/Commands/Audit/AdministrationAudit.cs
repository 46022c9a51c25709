// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Microsoft.Extensions.Configuration;

namespace Concord.Cli.Commands.Audit;

/// <summary>
/// Records an administration command (<c>concord org|user|token|collection</c>) as a <c>policy-change</c> entry of the
/// node's audit log, acted by the local operating-system user through the <c>cli</c> channel; the log may be open in a
/// running node at the same time.
/// </summary>
internal static class AdministrationAudit
{
    /// <summary>Appends the entry; false (after a message saying the change was made but not recorded) when it cannot.</summary>
    public static async Task<bool> RecordAsync(
        IConfiguration configuration, CliEnvironment environment, string command, AuditOrganization? organization, string reason, JsonObject details, CancellationToken cancellationToken)
    {
        var directory = NodeConfiguration.DataDirectory(configuration);
        try
        {
            var identity = NodeIdentity.Load(directory);
            using var key = NodeIdentity.LoadSigningKey(directory);
            var log = await AuditLog.OpenAsync(AuditSettings.Options(configuration, key, identity.StixId), cancellationToken).ConfigureAwait(false);
            await using (log.ConfigureAwait(false))
            {
                await log.AppendAsync(
                    new AuditEvent(AuditEntryKind.PolicyChange)
                    {
                        Actor = AuditActor.Local(Environment.UserName),
                        Organization = organization,
                        Channel = AuditChannels.Cli,
                        Reason = reason,
                        Details = details,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception e) when (e is AuditLogException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"concord {command}: the change was made, but the audit log could not record it: {e.Message}");
            return false;
        }
    }
}
