// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Validation;
using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>
/// The 12 predefined SCO extensions of section 6 (archive-ext, ntfs-ext, pdf-ext, raster-image-ext,
/// windows-pebinary-ext, http-request-ext, icmp-ext, socket-ext, tcp-ext, windows-process-ext,
/// windows-service-ext, unix-account-ext) and the embedded types they use. Each "MUST contain at
/// least one property from this extension" sentence is an at-least-one-of group.
/// </summary>
internal static class ExtensionSchemas
{
    /// <summary>alternate-data-stream-type (section 6.7.3).</summary>
    public static ObjectSchema AlternateDataStream { get; } = ObjectSchema.Embedded("alternate-data-stream-type", "6.7.3")
        .Required("name", Text)
        .Optional("hashes", Hashes)
        .Optional("size", NonNegativeInteger)
        .Build();

    /// <summary>windows-pe-optional-header-type (section 6.7.6).</summary>
    public static ObjectSchema WindowsPeOptionalHeader { get; } = BuildWindowsPeOptionalHeader();

    /// <summary>windows-pe-section-type (section 6.7.6).</summary>
    public static ObjectSchema WindowsPeSection { get; } = ObjectSchema.Embedded("windows-pe-section-type", "6.7.6")
        .Required("name", Text)
        .Optional("size", NonNegativeInteger)
        .Optional("entropy", FloatRange(0, 8))
        .Optional("hashes", Hashes)
        .Build();

    /// <summary>Every predefined extension, in section order.</summary>
    public static IEnumerable<PredefinedExtension> All { get; } =
    [
        new("archive-ext", "file", Archive()),
        new("ntfs-ext", "file", Ntfs()),
        new("pdf-ext", "file", Pdf()),
        new("raster-image-ext", "file", RasterImage()),
        new("windows-pebinary-ext", "file", WindowsPeBinary()),
        new("http-request-ext", "network-traffic", HttpRequest()),
        new("icmp-ext", "network-traffic", Icmp()),
        new("socket-ext", "network-traffic", Socket()),
        new("tcp-ext", "network-traffic", Tcp()),
        new("windows-process-ext", "process", WindowsProcess()),
        new("windows-service-ext", "process", WindowsService()),
        new("unix-account-ext", "user-account", UnixAccount()),
    ];

    private static ObjectSchema Archive() => ObjectSchema.Embedded("archive-ext", "6.7.2")
        .Required("contains_refs", Refs("file", "directory"))
        .Optional("comment", Text)
        .Build();

    private static ObjectSchema Ntfs() => ObjectSchema.Embedded("ntfs-ext", "6.7.3")
        .Optional("sid", Text)
        .Optional("alternate_data_streams", ListOf(Embedded(AlternateDataStream)))
        .AtLeastOneOf("sid", "alternate_data_streams")
        .Build();

    private static ObjectSchema Pdf() => ObjectSchema.Embedded("pdf-ext", "6.7.4")
        .Optional("version", Text)
        .Optional("is_optimized", Bool)
        .Optional("document_info_dict", new DictionaryType(Text))
        .Optional("pdfid0", Text)
        .Optional("pdfid1", Text)
        .AtLeastOneOf("version", "is_optimized", "document_info_dict", "pdfid0", "pdfid1")
        .Build();

    private static ObjectSchema RasterImage() => ObjectSchema.Embedded("raster-image-ext", "6.7.5")
        .Optional("image_height", Integer)
        .Optional("image_width", Integer)
        .Optional("bits_per_pixel", Integer)
        .Optional("exif_tags", Dictionary)
        .AtLeastOneOf("image_height", "image_width", "bits_per_pixel", "exif_tags")
        .Rule(ctx => ObservableSchemas.ReportNonIntegerOrStringValues(ctx, "exif_tags", StixRules.RasterImageExifValue))
        .Build();

    private static ObjectSchema WindowsPeBinary() => ObjectSchema.Embedded("windows-pebinary-ext", "6.7.6")
        .Required("pe_type", OpenVocab(Vocabularies.WindowsPeBinaryType))
        .Optional("imphash", Text)
        .Optional("machine_hex", Hex)
        .Optional("number_of_sections", NonNegativeInteger)
        .Optional("time_date_stamp", Timestamp)
        .Optional("pointer_to_symbol_table_hex", Hex)
        .Optional("number_of_symbols", NonNegativeInteger)
        .Optional("size_of_optional_header", NonNegativeInteger)
        .Optional("characteristics_hex", Hex)
        .Optional("file_header_hashes", Hashes)
        .Optional("optional_header", Embedded(WindowsPeOptionalHeader))
        .Optional("sections", ListOf(Embedded(WindowsPeSection)))
        .AtLeastOneOf(
            "imphash", "machine_hex", "number_of_sections", "time_date_stamp", "pointer_to_symbol_table_hex",
            "number_of_symbols", "size_of_optional_header", "characteristics_hex", "file_header_hashes",
            "optional_header", "sections")
        .Build();

    private static ObjectSchema BuildWindowsPeOptionalHeader()
    {
        (string Name, PropertyType Type)[] properties =
        [
            ("magic_hex", Hex),
            ("major_linker_version", Integer),
            ("minor_linker_version", Integer),
            ("size_of_code", NonNegativeInteger),
            ("size_of_initialized_data", NonNegativeInteger),
            ("size_of_uninitialized_data", NonNegativeInteger),
            ("address_of_entry_point", Integer),
            ("base_of_code", Integer),
            ("base_of_data", Integer),
            ("image_base", Integer),
            ("section_alignment", Integer),
            ("file_alignment", Integer),
            ("major_os_version", Integer),
            ("minor_os_version", Integer),
            ("major_image_version", Integer),
            ("minor_image_version", Integer),
            ("major_subsystem_version", Integer),
            ("minor_subsystem_version", Integer),
            ("win32_version_value_hex", Hex),
            ("size_of_image", NonNegativeInteger),
            ("size_of_headers", NonNegativeInteger),
            ("checksum_hex", Hex),
            ("subsystem_hex", Hex),
            ("dll_characteristics_hex", Hex),
            ("size_of_stack_reserve", NonNegativeInteger),
            ("size_of_stack_commit", NonNegativeInteger),
            ("size_of_heap_reserve", NonNegativeInteger),
            ("size_of_heap_commit", NonNegativeInteger),
            ("loader_flags_hex", Hex),
            ("number_of_rva_and_sizes", Integer),
            ("hashes", Hashes),
        ];

        var builder = ObjectSchema.Embedded("windows-pe-optional-header-type", "6.7.6");
        foreach (var (name, type) in properties)
        {
            builder.Optional(name, type);
        }

        return builder.AtLeastOneOf([.. properties.Select(p => p.Name)]).Build();
    }

    private static ObjectSchema HttpRequest() => ObjectSchema.Embedded("http-request-ext", "6.12.2")
        .Required("request_method", Text)
        .Required("request_value", Text)
        .Optional("request_version", Text)
        .Optional("request_header", new DictionaryType(StringList))
        .Optional("message_body_length", Integer)
        .Optional("message_body_data_ref", Ref("artifact"))
        .Rule(ctx =>
        {
            foreach (var property in (ReadOnlySpan<string>)["request_method", "request_version"])
            {
                if (ctx.TryGetString(property, out var value) && !string.Equals(value, value.ToLowerInvariant(), StringComparison.Ordinal))
                {
                    ctx.Report(StixRules.HttpRequestCase, property, $"Expected {property} as a lowercase string (\"{value.ToLowerInvariant()}\") but found \"{value}\".");
                }
            }
        })
        .Build();

    private static ObjectSchema Icmp() => ObjectSchema.Embedded("icmp-ext", "6.12.3")
        .Required("icmp_type_hex", Hex)
        .Required("icmp_code_hex", Hex)
        .Build();

    private static ObjectSchema Socket() => ObjectSchema.Embedded("socket-ext", "6.12.4")
        .Required("address_family", Enum(Vocabularies.NetworkSocketAddressFamily))
        .Optional("is_blocking", Bool)
        .Optional("is_listening", Bool)
        .Optional("options", new DictionaryType(Integer))
        .Optional("socket_type", Enum(Vocabularies.NetworkSocketType))
        .Optional("socket_descriptor", NonNegativeInteger)
        .Optional("socket_handle", Integer)
        .Rule(ctx =>
        {
            if (!ctx.TryGet("options", out var options) || options.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var option in options.EnumerateObject())
            {
                if (!ObservableFormats.IsSocketOptionName(option.Name))
                {
                    ctx.Report(StixRules.SocketOptionName, JsonPaths.Property("options", option.Name), $"Expected a socket option name such as SO_ACCEPTCONN, IP_TTL or TCP_NODELAY but found \"{option.Name}\".");
                }
            }
        })
        .Build();

    private static ObjectSchema Tcp() => ObjectSchema.Embedded("tcp-ext", "6.12.5")
        .Optional("src_flags_hex", Hex)
        .Optional("dst_flags_hex", Hex)
        .AtLeastOneOf("src_flags_hex", "dst_flags_hex")
        .Build();

    private static ObjectSchema WindowsProcess() => ObjectSchema.Embedded("windows-process-ext", "6.13.2")
        .Optional("aslr_enabled", Bool)
        .Optional("dep_enabled", Bool)
        .Optional("priority", Text)
        .Optional("owner_sid", Text)
        .Optional("windows_title", Text)
        .Optional("startup_info", Dictionary)
        .Optional("integrity_level", Enum(Vocabularies.WindowsIntegrityLevel))
        .AtLeastOneOf("aslr_enabled", "dep_enabled", "priority", "owner_sid", "windows_title", "startup_info", "integrity_level")
        .Rule(ctx =>
        {
            if (ctx.TryGetString("priority", out var priority) && !priority.EndsWith("_CLASS", StringComparison.Ordinal))
            {
                ctx.Report(StixRules.WindowsProcessPriority, "priority", $"Expected a priority class ending in _CLASS (e.g. HIGH_PRIORITY_CLASS) but found \"{priority}\".");
            }
        })
        .Build();

    private static ObjectSchema WindowsService() => ObjectSchema.Embedded("windows-service-ext", "6.13.3")
        .Optional("service_name", Text)
        .Optional("descriptions", StringList)
        .Optional("display_name", Text)
        .Optional("group_name", Text)
        .Optional("start_type", Enum(Vocabularies.WindowsServiceStartType))
        .Optional("service_dll_refs", Refs("file"))
        .Optional("service_type", Enum(Vocabularies.WindowsServiceType))
        .Optional("service_status", Enum(Vocabularies.WindowsServiceStatus))
        .AtLeastOneOf("service_name", "descriptions", "display_name", "group_name", "start_type", "service_dll_refs", "service_type", "service_status")
        .Build();

    private static ObjectSchema UnixAccount() => ObjectSchema.Embedded("unix-account-ext", "6.16.2")
        .Optional("gid", Integer)
        .Optional("groups", StringList)
        .Optional("home_dir", Text)
        .Optional("shell", Text)
        .AtLeastOneOf("gid", "groups", "home_dir", "shell")
        .Build();
}
