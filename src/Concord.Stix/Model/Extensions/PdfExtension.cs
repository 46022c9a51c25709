// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The PDF File extension (<c>pdf-ext</c>) of a file (section 6.7.4).</summary>
/// <param name="json">The JSON object.</param>
public sealed class PdfExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.7.4).</summary>
    public const string ExtensionName = "pdf-ext";

    /// <summary>The <c>version</c> property (section 6.7.4).</summary>
    public string? Version => GetString("version");

    /// <summary><c>is_optimized</c>: Specifies whether the PDF file has been optimized (section 6.7.4).</summary>
    public bool? IsOptimized => GetBoolean("is_optimized");

    /// <summary>The <c>document_info_dict</c> property (section 6.7.4).</summary>
    public IReadOnlyDictionary<string, string> DocumentInfoDict => GetStringDictionary("document_info_dict");

    /// <summary><c>pdfid0</c>: Specifies the first file identifier found for the PDF file (section 6.7.4).</summary>
    public string? Pdfid0 => GetString("pdfid0");

    /// <summary><c>pdfid1</c>: Specifies the second file identifier found for the PDF file (section 6.7.4).</summary>
    public string? Pdfid1 => GetString("pdfid1");
}
