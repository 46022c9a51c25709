// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Detection;
using Concord.Stix.Json;

namespace Concord.Cli.Commands.Detect;

/// <summary>
/// Loads indicators from a file or a directory into an engine, and for a directory applies the files
/// that changed since the last look (new versions win by <c>modified</c>, so re-reading is safe).
/// </summary>
internal sealed class IndicatorSource(string path, DetectionEngine engine, TextWriter error)
{
    private readonly Dictionary<string, DateTime> seen = new(StringComparer.Ordinal);

    public int Rejected { get; private set; }

    public bool IsDirectory => Directory.Exists(path);

    /// <summary>Reads every file not read yet or changed since; false when the path cannot be read.</summary>
    public bool Refresh()
    {
        IEnumerable<string> files;
        if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path, "*.json*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            error.WriteLine($"{path}: no such file or directory");
            return false;
        }

        foreach (var file in files)
        {
            var written = File.GetLastWriteTimeUtc(file);
            if (seen.TryGetValue(file, out var known) && known == written)
            {
                continue;
            }

            seen[file] = written;
            if (!Load(file))
            {
                return false;
            }
        }

        // The indexes the files changed are built now, not by the first observation after them.
        engine.Prepare();
        return true;
    }

    private bool Load(string file)
    {
        try
        {
            if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                using var lines = new JsonLineReader(File.OpenRead(file));
                while (lines.TryReadLine(out var line))
                {
                    try
                    {
                        using var document = JsonDocument.Parse(line);
                        ApplyAll(document.RootElement, $"{file}:{lines.LineNumber}");
                    }
                    catch (JsonException e)
                    {
                        error.WriteLine($"{file}:{lines.LineNumber}: not JSON: {e.Message}");
                        return false;
                    }
                }

                return true;
            }

            using var reader = new StixStreamReader(File.OpenRead(file), file);
            foreach (var (document, location) in reader.ReadObjects())
            {
                using (document)
                {
                    ApplyAll(document.RootElement, location);
                }
            }

            // A file holding one object (not a bundle or an array) yields it as the reader's header.
            if (!reader.IsBundle && reader.Header is { } single)
            {
                ApplyAll(single, file);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file}: cannot read: {e.Message}");
            return false;
        }
        catch (StixFormatException e)
        {
            error.WriteLine(e.Message);
            return false;
        }
    }

    private void ApplyAll(JsonElement element, string location)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                ApplyAll(item, location);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type"u8, out var type))
        {
            return;
        }

        if (type.ValueEquals("bundle"u8) && element.TryGetProperty("objects"u8, out var objects))
        {
            ApplyAll(objects, location);
        }
        else if (type.ValueEquals("indicator"u8))
        {
            var update = engine.Apply(element);
            if (update.Kind == IndicatorUpdateKind.Rejected)
            {
                Rejected++;
                error.WriteLine($"{location}: {update.IndicatorId ?? "indicator"}: skipped: {update.Reason}");
            }
        }
    }
}
