// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Windows PE Binary File extension (<c>windows-pebinary-ext</c>) of a file (section 6.7.6).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsPEBinaryExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.7.6).</summary>
    public const string ExtensionName = "windows-pebinary-ext";

    /// <summary><c>pe_type</c> (required): Specifies the type of the PE binary (section 6.7.6).</summary>
    public string? PEType => GetString("pe_type");

    /// <summary><c>imphash</c>: Specifies the special import hash, or 'imphash', calculated for the PE Binary based on its imported libraries and functions (section 6.7.6).</summary>
    public string? Imphash => GetString("imphash");

    /// <summary><c>machine_hex</c>: Specifies the type of target machine (section 6.7.6).</summary>
    public string? MachineHex => GetString("machine_hex");

    /// <summary><c>number_of_sections</c>: Specifies the number of sections in the PE binary, as a non-negative integer (section 6.7.6).</summary>
    public long? NumberOfSections => GetInt64("number_of_sections");

    /// <summary><c>time_date_stamp</c>: Specifies the time when the PE binary was created (section 6.7.6).</summary>
    public StixTimestamp? TimeDateStamp => GetTimestamp("time_date_stamp");

    /// <summary><c>pointer_to_symbol_table_hex</c>: Specifies the file offset of the COFF symbol table (section 6.7.6).</summary>
    public string? PointerToSymbolTableHex => GetString("pointer_to_symbol_table_hex");

    /// <summary><c>number_of_symbols</c>: Specifies the number of entries in the symbol table of the PE binary, as a non-negative integer (section 6.7.6).</summary>
    public long? NumberOfSymbols => GetInt64("number_of_symbols");

    /// <summary><c>size_of_optional_header</c>: Specifies the size of the optional header of the PE binary (section 6.7.6).</summary>
    public long? SizeOfOptionalHeader => GetInt64("size_of_optional_header");

    /// <summary><c>characteristics_hex</c>: Specifies the flags that indicate the file’s characteristics (section 6.7.6).</summary>
    public string? CharacteristicsHex => GetString("characteristics_hex");

    /// <summary><c>file_header_hashes</c>: Specifies any hashes that were computed for the file header (section 6.7.6).</summary>
    public IReadOnlyDictionary<string, string> FileHeaderHashes => GetStringDictionary("file_header_hashes");

    /// <summary><c>optional_header</c>: Specifies the PE optional header of the PE binary (section 6.7.6).</summary>
    public WindowsPEOptionalHeader? OptionalHeader => GetObject("optional_header", e => new WindowsPEOptionalHeader(e));

    /// <summary><c>sections</c>: Specifies metadata about the sections in the PE file (section 6.7.6).</summary>
    public IReadOnlyList<WindowsPESection> Sections => GetObjects("sections", e => new WindowsPESection(e));
}
