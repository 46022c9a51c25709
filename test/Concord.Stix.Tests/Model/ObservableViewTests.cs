// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Model.Extensions;
using Concord.Stix.Model.Observables;
using static Concord.Stix.Tests.Model.ViewTestSupport;
using StixFile = Concord.Stix.Model.Observables.File;
using StixProcess = Concord.Stix.Model.Observables.Process;

namespace Concord.Stix.Tests.Model;

/// <summary>SCOs (section 6), their embedded types and their predefined extensions.</summary>
public sealed class ObservableViewTests
{
    [Fact]
    public void A_file_exposes_its_archive_ntfs_pdf_raster_and_pe_extensions()
    {
        var file = Parse<StixFile>("""
            {"type":"file","spec_version":"2.1","id":"file--e277603e-1060-5ad4-9937-c26c97f1ca68","name":"a.exe","magic_number_hex":"4D5A",
             "ctime":"2020-01-01T00:00:00Z","parent_directory_ref":"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05","defanged":true,
             "extensions":{
               "archive-ext":{"contains_refs":["file--019fde1c-94ab-5b0b-a1b9-1a3c9d4a1b1f"],"comment":"zip"},
               "ntfs-ext":{"sid":"1234","alternate_data_streams":[{"name":"second.stream","size":25536,"hashes":{"SHA-256":"abc"}}]},
               "pdf-ext":{"version":"1.7","is_optimized":false,"document_info_dict":{"Title":"Sample","Author":"Someone"},"pdfid0":"DFCE52BD827ECF765649852119D","pdfid1":"57A1E0F9ED2AE523E313C"},
               "raster-image-ext":{"image_height":768,"image_width":1024,"bits_per_pixel":72,"exif_tags":{"Make":"Nikon","XResolution":4928}},
               "windows-pebinary-ext":{"pe_type":"exe","machine_hex":"014c","number_of_sections":4,"time_date_stamp":"2016-01-22T12:31:12Z",
                 "file_header_hashes":{"SHA-256":"6b7f"},"optional_header":{"magic_hex":"010b","major_linker_version":2,"address_of_entry_point":4096,"hashes":{"SHA-256":"3fd8"}},
                 "sections":[{"name":"CODE","entropy":0.061089,"size":1024},{"name":"DATA","entropy":7.980693}]}}}
            """);

        Assert.Equal("4D5A", file.MagicNumberHex);
        Assert.Equal("2020-01-01T00:00:00Z", file.Ctime?.Text);
        Assert.True(file.Defanged);
        Assert.Equal(5, file.Extensions.Count);

        Assert.Equal(["file--019fde1c-94ab-5b0b-a1b9-1a3c9d4a1b1f"], file.ArchiveExtension?.ContainsRefs);
        Assert.Equal("zip", file.ArchiveExtension?.Comment);

        var stream = Assert.Single(file.NtfsExtension!.AlternateDataStreams);
        Assert.Equal("second.stream", stream.Name);
        Assert.Equal(25536, stream.Size);
        Assert.Equal("abc", stream.Hashes["SHA-256"]);

        Assert.Equal("1.7", file.PdfExtension?.Version);
        Assert.False(file.PdfExtension?.IsOptimized);
        Assert.Equal("Sample", file.PdfExtension?.DocumentInfoDict["Title"]);
        Assert.Equal("57A1E0F9ED2AE523E313C", file.PdfExtension?.Pdfid1);

        Assert.Equal(768, file.RasterImageExtension?.ImageHeight);
        Assert.Equal(4928, file.RasterImageExtension?.ExifTags["XResolution"].GetInt64());
        Assert.Equal("Nikon", file.RasterImageExtension?.ExifTags["Make"].GetString());

        var pe = file.WindowsPEBinaryExtension!;
        Assert.Equal("exe", pe.PEType);
        Assert.Equal("014c", pe.MachineHex);
        Assert.Equal(4, pe.NumberOfSections);
        Assert.Equal("6b7f", pe.FileHeaderHashes["SHA-256"]);
        Assert.Equal("010b", pe.OptionalHeader?.MagicHex);
        Assert.Equal(4096, pe.OptionalHeader?.AddressOfEntryPoint);
        Assert.Equal(["CODE", "DATA"], pe.Sections.Select(s => s.Name));
        Assert.Equal(7.980693, pe.Sections[1].Entropy);
        Assert.Null(pe.Sections[1].Size);
    }

    [Fact]
    public void Network_traffic_exposes_its_http_tcp_icmp_and_socket_extensions()
    {
        var traffic = Parse<NetworkTraffic>("""
            {"type":"network-traffic","id":"network-traffic--f8ae967a-3dc3-5cdf-8f94-8505abff00c2","src_ref":"ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53",
             "dst_port":80,"protocols":["ipv4","tcp","http"],"is_active":false,"start":"2014-11-25T15:32:38Z","ipfix":{"minimumIpTotalLength":32,"protocolIdentifier":"6"},
             "extensions":{
               "http-request-ext":{"request_method":"get","request_value":"/download.html","request_version":"http/1.1",
                 "request_header":{"Accept-Encoding":["gzip,deflate"],"Host":["www.example.com"]},"message_body_length":0},
               "tcp-ext":{"src_flags_hex":"00000002"},
               "icmp-ext":{"icmp_type_hex":"08","icmp_code_hex":"00"},
               "socket-ext":{"address_family":"AF_INET","is_listening":true,"socket_type":"SOCK_STREAM","options":{"SO_RCVTIMEO":100}}}}
            """);

        Assert.Null(traffic.SpecVersion);
        Assert.Equal(80, traffic.DstPort);
        Assert.Null(traffic.SrcPort);
        Assert.Equal(["ipv4", "tcp", "http"], traffic.Protocols);
        Assert.False(traffic.IsActive);
        Assert.Equal(32, traffic.Ipfix["minimumIpTotalLength"].GetInt64());
        Assert.Equal("get", traffic.HttpRequestExtension?.RequestMethod);
        Assert.Equal("/download.html", traffic.HttpRequestExtension?.RequestValue);
        Assert.Equal(["www.example.com"], traffic.HttpRequestExtension?.RequestHeader["Host"]);
        Assert.Equal(0, traffic.HttpRequestExtension?.MessageBodyLength);
        Assert.Equal("00000002", traffic.TcpExtension?.SrcFlagsHex);
        Assert.Equal("08", traffic.IcmpExtension?.IcmpTypeHex);
        Assert.Equal("AF_INET", traffic.SocketExtension?.AddressFamily);
        Assert.True(traffic.SocketExtension?.IsListening);
        Assert.Equal(100, traffic.SocketExtension?.Options["SO_RCVTIMEO"]);
    }

    [Fact]
    public void A_process_exposes_its_windows_process_and_service_extensions()
    {
        var process = Parse<StixProcess>("""
            {"type":"process","id":"process--99ab297d-4c39-48ea-9d64-052d596864df","pid":314,"command_line":"C:\\Windows\\System32\\sirvizio.exe /s",
             "environment_variables":{"PATH":"C:\\Windows"},"child_refs":["process--b3b2e1a1-1b8e-4d5c-9a57-0c0e5b2b0b10"],
             "extensions":{
               "windows-process-ext":{"aslr_enabled":true,"dep_enabled":true,"priority":"HIGH_PRIORITY_CLASS","owner_sid":"S-1-5-21","startup_info":{"dwFlags":1},"integrity_level":"high"},
               "windows-service-ext":{"service_name":"sirvizio","descriptions":["Sirvizio"],"start_type":"SERVICE_AUTO_START","service_type":"SERVICE_WIN32_OWN_PROCESS","service_status":"SERVICE_RUNNING"}}}
            """);

        Assert.Equal(314, process.Pid);
        Assert.Equal(@"C:\Windows\System32\sirvizio.exe /s", process.CommandLine);
        Assert.Equal(@"C:\Windows", process.EnvironmentVariables["PATH"]);
        Assert.Single(process.ChildRefs);
        Assert.True(process.WindowsProcessExtension?.AslrEnabled);
        Assert.Equal("high", process.WindowsProcessExtension?.IntegrityLevel);
        Assert.Equal(1, process.WindowsProcessExtension?.StartupInfo["dwFlags"].GetInt32());
        Assert.Equal("sirvizio", process.WindowsServiceExtension?.ServiceName);
        Assert.Equal(["Sirvizio"], process.WindowsServiceExtension?.Descriptions);
        Assert.Equal("SERVICE_RUNNING", process.WindowsServiceExtension?.ServiceStatus);
    }

    [Fact]
    public void A_user_account_exposes_its_unix_account_extension()
    {
        var account = Parse<UserAccount>("""
            {"type":"user-account","id":"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c","user_id":"1001","account_login":"jdoe","account_type":"unix",
             "is_privileged":false,"account_created":"2016-01-20T12:31:12Z",
             "extensions":{"unix-account-ext":{"gid":1001,"groups":["wheel"],"home_dir":"/home/jdoe","shell":"/bin/bash"}}}
            """);

        Assert.Equal("1001", account.UserId);
        Assert.Equal("unix", account.AccountType);
        Assert.False(account.IsPrivileged);
        Assert.Equal("2016-01-20T12:31:12Z", account.AccountCreated?.Text);
        Assert.Equal(1001, account.UnixAccountExtension?.Gid);
        Assert.Equal(["wheel"], account.UnixAccountExtension?.Groups);
        Assert.Equal("/bin/bash", account.UnixAccountExtension?.Shell);
    }

    [Fact]
    public void An_email_message_exposes_its_headers_and_mime_parts()
    {
        var email = Parse<EmailMessage>("""
            {"type":"email-message","id":"email-message--cf9b4b7f-14c8-5955-8065-020e0316b559","is_multipart":true,"date":"1997-11-21T15:55:06Z",
             "from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed","to_refs":["email-addr--d1b3bf0c-f02a-51a1-8102-11aba7959868"],
             "subject":"Saying Hello","additional_header_fields":{"Reply-To":["steve@example.com","jane@example.com"]},
             "body_multipart":[{"content_type":"text/plain; charset=utf-8","content_disposition":"inline","body":"Cats are funny!"},
                               {"content_type":"image/png","body_raw_ref":"artifact--4cce66f8-6eaa-53cb-85d5-3a85fca3a6c5"}]}
            """);

        Assert.True(email.IsMultipart);
        Assert.Equal("Saying Hello", email.Subject);
        Assert.Equal(["steve@example.com", "jane@example.com"], email.AdditionalHeaderFields["Reply-To"]);
        Assert.Equal(2, email.BodyMultipart.Count);
        Assert.Equal("Cats are funny!", email.BodyMultipart[0].Body);
        Assert.Equal("inline", email.BodyMultipart[0].ContentDisposition);
        Assert.Equal("artifact--4cce66f8-6eaa-53cb-85d5-3a85fca3a6c5", email.BodyMultipart[1].BodyRawRef);
    }

    [Fact]
    public void A_certificate_exposes_its_validity_and_v3_extensions()
    {
        var certificate = Parse<X509Certificate>("""
            {"type":"x509-certificate","id":"x509-certificate--b595eaf0-0b28-5dad-9e8e-0fab9c1facc9","issuer":"C=ZA, O=Thawte","serial_number":"02:08:87:83",
             "validity_not_before":"2016-03-12T12:00:00Z","validity_not_after":"2016-08-21T12:00:00Z","subject_public_key_exponent":65537,
             "x509_v3_extensions":{"basic_constraints":"critical,CA:TRUE","private_key_usage_period_not_before":"2016-03-12T12:00:00Z"}}
            """);

        Assert.Equal("C=ZA, O=Thawte", certificate.Issuer);
        Assert.Equal(65537, certificate.SubjectPublicKeyExponent);
        Assert.True(certificate.ValidityNotBefore < certificate.ValidityNotAfter);
        Assert.Equal("critical,CA:TRUE", certificate.X509V3Extensions?.BasicConstraints);
        Assert.Equal("2016-03-12T12:00:00Z", certificate.X509V3Extensions?.PrivateKeyUsagePeriodNotBefore?.Text);
    }

    [Fact]
    public void A_registry_key_exposes_its_values()
    {
        var key = Parse<WindowsRegistryKey>("""
            {"type":"windows-registry-key","id":"windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016","key":"hkey_local_machine\\system\\bar\\foo",
             "values":[{"name":"Foo","data":"qwerty","data_type":"REG_SZ"},{"name":"Bar","data":"42","data_type":"REG_DWORD"}],"number_of_subkeys":2}
            """);

        Assert.Equal(2, key.NumberOfSubkeys);
        Assert.Equal(["Foo", "Bar"], key.Values.Select(v => v.Name));
        Assert.Equal("REG_DWORD", key.Values[1].DataType);
        Assert.Equal("42", key.Values[1].Data);
    }

    [Theory]
    [InlineData("""{"type":"artifact","mime_type":"application/zip","payload_bin":"UEsDBA==","encryption_algorithm":"mime-type-indicated","decryption_key":"infected"}""", typeof(Artifact))]
    [InlineData("""{"type":"autonomous-system","number":15139,"name":"Slime Industries","rir":"ARIN"}""", typeof(AutonomousSystem))]
    [InlineData("""{"type":"directory","path":"C:\\Windows\\System32","contains_refs":["file--1"]}""", typeof(Concord.Stix.Model.Observables.Directory))]
    [InlineData("""{"type":"domain-name","value":"example.com","resolves_to_refs":["ipv4-addr--1"]}""", typeof(DomainName))]
    [InlineData("""{"type":"email-addr","value":"john@example.com","display_name":"John Doe"}""", typeof(EmailAddress))]
    [InlineData("""{"type":"ipv4-addr","value":"198.51.100.3","belongs_to_refs":["autonomous-system--1"]}""", typeof(Ipv4Address))]
    [InlineData("""{"type":"ipv6-addr","value":"2001:0db8::/96"}""", typeof(Ipv6Address))]
    [InlineData("""{"type":"mac-addr","value":"d2:fb:49:24:37:18"}""", typeof(MacAddress))]
    [InlineData("""{"type":"mutex","name":"__CLEANSWEEP__"}""", typeof(Concord.Stix.Model.Observables.Mutex))]
    [InlineData("""{"type":"software","name":"Word","cpe":"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*","languages":["eng"],"vendor":"Microsoft","version":"2002"}""", typeof(Software))]
    [InlineData("""{"type":"url","value":"https://example.com/research/index.html"}""", typeof(Url))]
    public void Simple_observables_expose_their_defining_property(string json, Type expected)
    {
        var view = Concord.Stix.Model.StixObject.FromJson(System.Text.Json.JsonDocument.Parse(json).RootElement.Clone());

        Assert.IsType(expected, view);
        switch (view)
        {
            case Artifact a: Assert.Equal(("UEsDBA==", "mime-type-indicated", "infected"), (a.PayloadBin, a.EncryptionAlgorithm, a.DecryptionKey)); break;
            case AutonomousSystem a: Assert.Equal((15139L, "ARIN"), (a.Number!.Value, a.Rir)); break;
            case Concord.Stix.Model.Observables.Directory d: Assert.Equal(@"C:\Windows\System32", d.Path); Assert.Single(d.ContainsRefs); break;
            case DomainName d: Assert.Equal("example.com", d.Value); Assert.Single(d.ResolvesToRefs); break;
            case EmailAddress e: Assert.Equal("John Doe", e.DisplayName); break;
            case Ipv4Address i: Assert.Equal("198.51.100.3", i.Value); Assert.Single(i.BelongsToRefs); break;
            case Ipv6Address i: Assert.Equal("2001:0db8::/96", i.Value); break;
            case MacAddress m: Assert.Equal("d2:fb:49:24:37:18", m.Value); break;
            case Concord.Stix.Model.Observables.Mutex m: Assert.Equal("__CLEANSWEEP__", m.Name); break;
            case Software s: Assert.Equal(("Microsoft", "2002"), (s.Vendor, s.Version)); Assert.Equal(["eng"], s.Languages); break;
            case Url u: Assert.Equal("https://example.com/research/index.html", u.Value); break;
            default: Assert.Fail($"No check for {view.GetType().Name}."); break;
        }
    }

    [Fact]
    public void An_extension_that_is_not_a_JSON_object_reads_as_absent()
    {
        var file = Parse<StixFile>("""{"type":"file","name":"x","extensions":{"archive-ext":"zip","pdf-ext":{"version":"1.4"}}}""");

        Assert.Null(file.ArchiveExtension);
        Assert.Equal("1.4", file.PdfExtension?.Version);
        Assert.Null(file.NtfsExtension);
    }

    [Fact]
    public void Extension_names_are_those_of_the_specification()
    {
        Assert.Equal(
            ["archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext", "http-request-ext", "icmp-ext", "socket-ext", "tcp-ext", "windows-process-ext", "windows-service-ext", "unix-account-ext"],
            [ArchiveExtension.ExtensionName, NtfsExtension.ExtensionName, PdfExtension.ExtensionName, RasterImageExtension.ExtensionName, WindowsPEBinaryExtension.ExtensionName,
             HttpRequestExtension.ExtensionName, IcmpExtension.ExtensionName, SocketExtension.ExtensionName, TcpExtension.ExtensionName,
             WindowsProcessExtension.ExtensionName, WindowsServiceExtension.ExtensionName, UnixAccountExtension.ExtensionName]);
    }
}
