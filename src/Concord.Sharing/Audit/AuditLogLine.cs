// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>One line of the log as <see cref="AuditLogReader.ReadLines"/> returns it.</summary>
/// <param name="Line">The 1-based line number in the log file.</param>
/// <param name="Entry">The entry.</param>
/// <param name="Json">The line exactly as stored (without its newline): what the hash covers, for tools that re-verify or forward it.</param>
public sealed record AuditLogLine(long Line, AuditEntry Entry, string Json);
