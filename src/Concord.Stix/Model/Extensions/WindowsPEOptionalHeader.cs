// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Windows PE optional header (section 6.7.6).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsPEOptionalHeader(JsonElement json) : StixElement(json)
{
    /// <summary><c>magic_hex</c>: Specifies the hex value that indicates the type of the PE binary (section 6.7.6).</summary>
    public string? MagicHex => GetString("magic_hex");

    /// <summary><c>major_linker_version</c>: Specifies the linker major version number (section 6.7.6).</summary>
    public long? MajorLinkerVersion => GetInt64("major_linker_version");

    /// <summary><c>minor_linker_version</c>: Specifies the linker minor version number (section 6.7.6).</summary>
    public long? MinorLinkerVersion => GetInt64("minor_linker_version");

    /// <summary><c>size_of_code</c>: Specifies the size of the code (text) section (section 6.7.6).</summary>
    public long? SizeOfCode => GetInt64("size_of_code");

    /// <summary><c>size_of_initialized_data</c>: Specifies the size of the initialized data section (section 6.7.6).</summary>
    public long? SizeOfInitializedData => GetInt64("size_of_initialized_data");

    /// <summary><c>size_of_uninitialized_data</c>: Specifies the size of the uninitialized data section (section 6.7.6).</summary>
    public long? SizeOfUninitializedData => GetInt64("size_of_uninitialized_data");

    /// <summary><c>address_of_entry_point</c>: Specifies the address of the entry point relative to the image base when the executable is loaded into memory (section 6.7.6).</summary>
    public long? AddressOfEntryPoint => GetInt64("address_of_entry_point");

    /// <summary><c>base_of_code</c>: Specifies the address that is relative to the image base of the beginning-of-code section when it is loaded into memory (section 6.7.6).</summary>
    public long? BaseOfCode => GetInt64("base_of_code");

    /// <summary><c>base_of_data</c>: Specifies the address that is relative to the image base of the beginning-of-data section when it is loaded into memory (section 6.7.6).</summary>
    public long? BaseOfData => GetInt64("base_of_data");

    /// <summary><c>image_base</c>: Specifies the preferred address of the first byte of the image when loaded into memory (section 6.7.6).</summary>
    public long? ImageBase => GetInt64("image_base");

    /// <summary><c>section_alignment</c>: Specifies the alignment (in bytes) of PE sections when they are loaded into memory (section 6.7.6).</summary>
    public long? SectionAlignment => GetInt64("section_alignment");

    /// <summary><c>file_alignment</c>: Specifies the factor (in bytes) that is used to align the raw data of sections in the image file (section 6.7.6).</summary>
    public long? FileAlignment => GetInt64("file_alignment");

    /// <summary><c>major_os_version</c>: Specifies the major version number of the required operating system (section 6.7.6).</summary>
    public long? MajorOSVersion => GetInt64("major_os_version");

    /// <summary><c>minor_os_version</c>: Specifies the minor version number of the required operating system (section 6.7.6).</summary>
    public long? MinorOSVersion => GetInt64("minor_os_version");

    /// <summary><c>major_image_version</c>: Specifies the major version number of the image (section 6.7.6).</summary>
    public long? MajorImageVersion => GetInt64("major_image_version");

    /// <summary><c>minor_image_version</c>: Specifies the minor version number of the image (section 6.7.6).</summary>
    public long? MinorImageVersion => GetInt64("minor_image_version");

    /// <summary><c>major_subsystem_version</c>: Specifies the major version number of the subsystem (section 6.7.6).</summary>
    public long? MajorSubsystemVersion => GetInt64("major_subsystem_version");

    /// <summary><c>minor_subsystem_version</c>: Specifies the minor version number of the subsystem (section 6.7.6).</summary>
    public long? MinorSubsystemVersion => GetInt64("minor_subsystem_version");

    /// <summary><c>win32_version_value_hex</c>: Specifies the reserved win32 version value (section 6.7.6).</summary>
    public string? Win32VersionValueHex => GetString("win32_version_value_hex");

    /// <summary><c>size_of_image</c>: Specifies the size of the image in bytes, including all headers, as the image is loaded in memory (section 6.7.6).</summary>
    public long? SizeOfImage => GetInt64("size_of_image");

    /// <summary>The <c>size_of_headers</c> property (section 6.7.6).</summary>
    public long? SizeOfHeaders => GetInt64("size_of_headers");

    /// <summary><c>checksum_hex</c>: Specifies the checksum of the PE binary (section 6.7.6).</summary>
    public string? ChecksumHex => GetString("checksum_hex");

    /// <summary><c>subsystem_hex</c>: Specifies the subsystem (e.g., GUI, device driver, etc.) that is required to run this image (section 6.7.6).</summary>
    public string? SubsystemHex => GetString("subsystem_hex");

    /// <summary><c>dll_characteristics_hex</c>: Specifies the flags that characterize the PE binary (section 6.7.6).</summary>
    public string? DllCharacteristicsHex => GetString("dll_characteristics_hex");

    /// <summary><c>size_of_stack_reserve</c>: Specifies the size of the stack to reserve, in bytes (section 6.7.6).</summary>
    public long? SizeOfStackReserve => GetInt64("size_of_stack_reserve");

    /// <summary><c>size_of_stack_commit</c>: Specifies the size of the stack to commit, in bytes (section 6.7.6).</summary>
    public long? SizeOfStackCommit => GetInt64("size_of_stack_commit");

    /// <summary><c>size_of_heap_reserve</c>: Specifies the size of the local heap space to reserve, in bytes (section 6.7.6).</summary>
    public long? SizeOfHeapReserve => GetInt64("size_of_heap_reserve");

    /// <summary><c>size_of_heap_commit</c>: Specifies the size of the local heap space to commit, in bytes (section 6.7.6).</summary>
    public long? SizeOfHeapCommit => GetInt64("size_of_heap_commit");

    /// <summary><c>loader_flags_hex</c>: Specifies the reserved loader flags (section 6.7.6).</summary>
    public string? LoaderFlagsHex => GetString("loader_flags_hex");

    /// <summary><c>number_of_rva_and_sizes</c>: Specifies the number of data-directory entries in the remainder of the optional header (section 6.7.6).</summary>
    public long? NumberOfRvaAndSizes => GetInt64("number_of_rva_and_sizes");

    /// <summary><c>hashes</c>: Specifies any hashes that were computed for the optional header (section 6.7.6).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");
}
