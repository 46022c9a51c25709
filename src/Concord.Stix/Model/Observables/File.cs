// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model.Extensions;

namespace Concord.Stix.Model.Observables;

/// <summary>A File: the properties of a computer file (section 6.7.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class File(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>file</c> (section 6.7.1).</summary>
    public const string TypeName = "file";

    /// <summary><c>hashes</c>: Specifies a dictionary of hashes for the file (section 6.7.1).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");

    /// <summary><c>size</c>: Specifies the size of the file, in bytes (section 6.7.1).</summary>
    public long? Size => GetInt64("size");

    /// <summary><c>name</c>: Specifies the name of the file (section 6.7.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>name_enc</c>: Specifies the observed encoding for the name of the file (section 6.7.1).</summary>
    public string? NameEnc => GetString("name_enc");

    /// <summary><c>magic_number_hex</c>: Specifies the hexadecimal constant ("magic number") associated with a specific file format that corresponds to the file, if applicable (section 6.7.1).</summary>
    public string? MagicNumberHex => GetString("magic_number_hex");

    /// <summary><c>mime_type</c>: Specifies the MIME type name specified for the file, e.g., application/msword (section 6.7.1).</summary>
    public string? MimeType => GetString("mime_type");

    /// <summary><c>ctime</c>: Specifies the date/time the file was created (section 6.7.1).</summary>
    public StixTimestamp? Ctime => GetTimestamp("ctime");

    /// <summary><c>mtime</c>: Specifies the date/time the file was last written to/modified (section 6.7.1).</summary>
    public StixTimestamp? Mtime => GetTimestamp("mtime");

    /// <summary><c>atime</c>: Specifies the date/time the file was last accessed (section 6.7.1).</summary>
    public StixTimestamp? Atime => GetTimestamp("atime");

    /// <summary><c>parent_directory_ref</c>: Specifies the parent directory of the file, as a reference to a Directory object (section 6.7.1).</summary>
    public string? ParentDirectoryRef => GetString("parent_directory_ref");

    /// <summary>The <c>contains_refs</c> property (section 6.7.1).</summary>
    public IReadOnlyList<string> ContainsRefs => GetStrings("contains_refs");

    /// <summary><c>content_ref</c>: Specifies the content of the file, represented as an Artifact object (section 6.7.1).</summary>
    public string? ContentRef => GetString("content_ref");

    /// <summary>The <c>archive-ext</c> extension, when present (section 6.7.2).</summary>
    public ArchiveExtension? ArchiveExtension => GetExtension(ArchiveExtension.ExtensionName, e => new ArchiveExtension(e));

    /// <summary>The <c>ntfs-ext</c> extension, when present (section 6.7.3).</summary>
    public NtfsExtension? NtfsExtension => GetExtension(NtfsExtension.ExtensionName, e => new NtfsExtension(e));

    /// <summary>The <c>pdf-ext</c> extension, when present (section 6.7.4).</summary>
    public PdfExtension? PdfExtension => GetExtension(PdfExtension.ExtensionName, e => new PdfExtension(e));

    /// <summary>The <c>raster-image-ext</c> extension, when present (section 6.7.5).</summary>
    public RasterImageExtension? RasterImageExtension => GetExtension(RasterImageExtension.ExtensionName, e => new RasterImageExtension(e));

    /// <summary>The <c>windows-pebinary-ext</c> extension, when present (section 6.7.6).</summary>
    public WindowsPEBinaryExtension? WindowsPEBinaryExtension => GetExtension(WindowsPEBinaryExtension.ExtensionName, e => new WindowsPEBinaryExtension(e));
}
