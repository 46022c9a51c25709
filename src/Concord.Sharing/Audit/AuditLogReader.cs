// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using Concord.Sharing.Audit.Internal;

namespace Concord.Sharing.Audit;

/// <summary>Reads the entries of an audit log, in order, without verifying them (use <see cref="AuditLogVerifier"/> for that).</summary>
/// <remarks>Stateless and thread-safe; the log may be read while a node appends to it.</remarks>
public static class AuditLogReader
{
    /// <summary>The entries of the log in <paramref name="directory"/>, read as a stream.</summary>
    /// <param name="directory">The log's directory.</param>
    /// <returns>The entries in file order.</returns>
    /// <exception cref="AuditLogException">
    /// The log does not exist or cannot be read, or a line is not an entry, or the last line is incomplete; the message names the file and line.
    /// </exception>
    public static IEnumerable<AuditEntry> Read(string directory) => ReadLines(directory).Select(line => line.Entry);

    /// <summary>The lines of the log in <paramref name="directory"/>: each entry with its line number and stored text.</summary>
    /// <param name="directory">The log's directory.</param>
    /// <returns>The lines in file order.</returns>
    /// <exception cref="AuditLogException">
    /// The log does not exist or cannot be read, or a line is not an entry, or the last line is incomplete; the message names the file and line.
    /// </exception>
    public static IEnumerable<AuditLogLine> ReadLines(string directory)
    {
        var path = Path.Combine(directory, AuditLog.LogFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditLogException($"{path} cannot be read: {e.Message}", e);
        }

        using (stream)
        {
            foreach (var line in LogLines.Read(stream))
            {
                if (!line.Terminated)
                {
                    throw new AuditLogException(string.Create(CultureInfo.InvariantCulture,
                        $"{path} line {line.Number}: the last line is incomplete (a write in progress, or cut by a crash)."));
                }

                using var parsed = ParsedLine.Parse(line.Bytes);
                var entry = parsed.Entry ?? throw new AuditLogException(string.Create(CultureInfo.InvariantCulture, $"{path} line {line.Number}: not an audit entry: {parsed.Error}"));
                yield return new AuditLogLine(line.Number, entry, Encoding.UTF8.GetString(line.Bytes.Span));
            }
        }
    }
}
