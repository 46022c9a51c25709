// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A Directory: a file system directory (section 6.3.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Directory(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>directory</c> (section 6.3.1).</summary>
    public const string TypeName = "directory";

    /// <summary><c>path</c> (required): Specifies the path, as originally observed, to the directory on the file system (section 6.3.1).</summary>
    public string? Path => GetString("path");

    /// <summary><c>path_enc</c>: Specifies the observed encoding for the path (section 6.3.1).</summary>
    public string? PathEnc => GetString("path_enc");

    /// <summary><c>ctime</c>: Specifies the date/time the directory was created (section 6.3.1).</summary>
    public StixTimestamp? Ctime => GetTimestamp("ctime");

    /// <summary><c>mtime</c>: Specifies the date/time the directory was last written to/modified (section 6.3.1).</summary>
    public StixTimestamp? Mtime => GetTimestamp("mtime");

    /// <summary><c>atime</c>: Specifies the date/time the directory was last accessed (section 6.3.1).</summary>
    public StixTimestamp? Atime => GetTimestamp("atime");

    /// <summary><c>contains_refs</c>: Specifies a list of references to other File and/or Directory objects contained within the directory (section 6.3.1).</summary>
    public IReadOnlyList<string> ContainsRefs => GetStrings("contains_refs");
}
