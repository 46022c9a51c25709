// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Concord.Testing;

/// <summary>
/// A deterministic generated detection workload: indicators of every operator kind and observations
/// whose values are drawn from the same pools, so that a known share of them match.
/// </summary>
/// <remarks>
/// Values come from pools indexed by integers (addresses, domains, URLs, hashes, file names, command
/// lines); a small hot part of each pool is drawn more often, so that multi-observation patterns over hot
/// values complete. Everything depends only on the seed.
/// </remarks>
public sealed class DetectionWorkload
{
    public const int Hot = 64;

    private readonly int seed;
    private readonly bool includeNonIndexable;
    private readonly int hotIndicators;
    private readonly int observationHotOneIn;
    private readonly int fileNames;
    private int currentIndicator;

    /// <summary>Creates a workload.</summary>
    /// <param name="seed">The seed everything depends on.</param>
    /// <param name="includeNonIndexable">Whether indicators include comparisons no index serves (scanned per object type).</param>
    /// <param name="benchmark">
    /// The benchmark profile: value pools a hundred times larger, hot values only in the first 1,000
    /// indicators and in one observation in 32, so the match rate stays about the same whatever the
    /// number of indicators; the default test profile matches far more often.
    /// </param>
    public DetectionWorkload(int seed, bool includeNonIndexable = true, bool benchmark = false)
    {
        this.seed = seed;
        this.includeNonIndexable = includeNonIndexable;
        var scale = benchmark ? 32 : 1;
        IpPool = 65_536 * scale;
        DomainPool = 100_000 * scale;
        UrlPool = 200_000 * scale;
        HashPool = 200_000 * scale;
        fileNames = 5000 * scale;
        hotIndicators = benchmark ? 1000 : int.MaxValue;
        observationHotOneIn = benchmark ? 32 : 8;
    }

    public int IpPool { get; }

    public int DomainPool { get; }

    public int UrlPool { get; }

    public int HashPool { get; }

    private static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];
    private static readonly string[] Tlds = ["com", "net", "org", "example", "test"];
    private static readonly DateTimeOffset Epoch = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The time of the first observation.</summary>
    public static DateTimeOffset Start => Epoch;

    public static string Ip(int i) => $"{10 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}.{(i * 37) & 255}";

    public static string Ip6(int i) => $"2001:db8:{i & 0xffff:x}::{(i * 13) & 0xffff:x}";

    public static string Domain(int i) => $"h{i:D7}.{Words[i % Words.Length]}.{Tlds[(i / Words.Length) % Tlds.Length]}";

    public static string Url(int i) => $"http{(i % 3 == 0 ? "s" : string.Empty)}://{Domain(i / 2)}/p/{i:D8}";

    public static string Sha256(int i) => Hex(i, 4);

    public static string Md5(int i) => Hex(i + 7_000_000, 2);

    public string FileName(int i) => $"file{i % fileNames:D6}_{i % 7}.{(i % 2 == 0 ? "exe" : "dll")}";

    public static string CommandLine(int i) => i % 4 == 0
        ? $"powershell.exe -nop -enc {Hex(i, 1)}"
        : $"cmd.exe /c {Words[i % Words.Length]} job{i:D8}";

    /// <summary>The indicators, as JSON objects (STIX 2.1 indicator).</summary>
    /// <param name="count">How many.</param>
    /// <param name="multiShare">The share of multi-observation patterns.</param>
    public IEnumerable<string> Indicators(int count, double multiShare = 0.05)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            currentIndicator = n;
            var pattern = random.NextDouble() < multiShare ? MultiPattern(random) : SinglePattern(random);
            var validUntil = random.Next(40) == 0 ? Stamp(Epoch.AddDays(1)) : null;
            yield return IndicatorJson(IndicatorId(n), pattern, "2020-01-01T00:00:00Z", validUntil);
        }
    }

    public static string IndicatorId(int n) => $"indicator--{Guid(0x1d, n, 0)}";

    public static string IndicatorJson(string id, string pattern, string validFrom, string? validUntil, string modified = "2024-01-01T00:00:00.000Z", bool revoked = false)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"{id}\", \"created\": \"2024-01-01T00:00:00.000Z\", \"modified\": \"{modified}\", ");
        builder.Append(CultureInfo.InvariantCulture, $"\"pattern\": \"{JsonEncodedText.Encode(pattern, Encoder)}\", \"pattern_type\": \"stix\", \"valid_from\": \"{validFrom}\"");
        if (validUntil is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $", \"valid_until\": \"{validUntil}\"");
        }

        if (revoked)
        {
            builder.Append(", \"revoked\": true");
        }

        return builder.Append('}').ToString();
    }

    /// <summary>
    /// Observations, one JSON line each (a bundle with one observed-data and its SCOs, sometimes a 2.0
    /// observed-data with embedded objects), <paramref name="spacing"/> apart, each up to
    /// <paramref name="jitter"/> earlier than its slot.
    /// </summary>
    public IEnumerable<string> Observations(int count, TimeSpan spacing, TimeSpan jitter)
    {
        var random = new Random(seed ^ 0x5eed);
        for (var k = 0; k < count; k++)
        {
            var first = Epoch + (spacing * k) - (jitter * random.NextDouble());
            var last = random.Next(4) == 0 ? first.AddSeconds(random.Next(1, 30)) : first;
            var objects = Scos(random, k);
            var numberObserved = random.Next(10) == 0 ? random.Next(2, 4) : 1;
            var odId = $"observed-data--{Guid(0x0d, k, 0)}";
            var builder = new StringBuilder(512);
            if (random.Next(10) == 0)
            {
                // 2.0 style: the objects inside, references by key.
                builder.Append(CultureInfo.InvariantCulture, $"{{\"type\": \"observed-data\", \"id\": \"{odId}\", \"created\": \"{Stamp(first)}\", \"modified\": \"{Stamp(first)}\", \"first_observed\": \"{Stamp(first)}\", \"last_observed\": \"{Stamp(last)}\", \"number_observed\": {numberObserved}, \"objects\": {{");
                for (var j = 0; j < objects.Count; j++)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"{(j > 0 ? ", " : string.Empty)}\"{j}\": {objects[j].Json.Replace("@", string.Empty, StringComparison.Ordinal)}");
                }

                builder.Append("}}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"{{\"type\": \"bundle\", \"id\": \"bundle--{Guid(0x0b, k, 0)}\", \"objects\": [");
                builder.Append(CultureInfo.InvariantCulture, $"{{\"type\": \"observed-data\", \"spec_version\": \"2.1\", \"id\": \"{odId}\", \"created\": \"{Stamp(first)}\", \"modified\": \"{Stamp(first)}\", \"first_observed\": \"{Stamp(first)}\", \"last_observed\": \"{Stamp(last)}\", \"number_observed\": {numberObserved}, \"object_refs\": [");
                builder.AppendJoin(", ", objects.Select(o => $"\"{o.Id}\""));
                builder.Append("]}");
                foreach (var sco in objects)
                {
                    builder.Append(", ").Append(sco.Json.Replace("@", $"\"id\": \"{sco.Id}\", ", StringComparison.Ordinal));
                }

                builder.Append("]}");
            }

            yield return builder.ToString();
        }
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Hex(int i, int words)
    {
        var builder = new StringBuilder(words * 16);
        var x = unchecked((ulong)i * 0x9E3779B97F4A7C15UL);
        for (var w = 0; w < words; w++)
        {
            x ^= x >> 31;
            x = unchecked(x * 0xBF58476D1CE4E5B9UL);
            x ^= x >> 29;
            builder.Append(CultureInfo.InvariantCulture, $"{x:x16}");
        }

        return builder.ToString();
    }

    private static string Guid(int kind, int n, int j) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind:x2}{(uint)n:x6}-{j & 0xffff:x4}-4{(n >> 24) & 0xfff:x3}-8000-{unchecked((uint)n * 2654435761u):x12}");

    private int Pick(Random random, int pool) => random.Next(observationHotOneIn) == 0 ? random.Next(Hot) : random.Next(pool);

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>The SCOs of one observation; <c>@</c> in the JSON marks where the id goes.</summary>
    private List<(string Id, string Json)> Scos(Random random, int k)
    {
        var list = new List<(string Id, string Json)>();
        string NewId(string type) => $"{type}--{Guid(0x5c, k, list.Count)}";
        string Add(string type, string body)
        {
            var id = NewId(type);
            list.Add((id, $"{{@\"type\": \"{type}\", {body}}}"));
            return id;
        }

        var unicode = random.Next(50) == 0;
        switch (random.Next(9))
        {
            case 0:
            case 1:
                Add("ipv4-addr", $"\"value\": \"{Ip(Pick(random, IpPool))}\"");
                break;
            case 2:
                var domain = unicode ? (random.Next(2) == 0 ? "caf\u00e9.example" : "cafe\u0301.example") : Domain(Pick(random, DomainPool));
                if (random.Next(3) == 0)
                {
                    var address = Add("ipv4-addr", $"\"value\": \"{Ip(Pick(random, IpPool))}\"");
                    Add("domain-name", $"\"value\": \"{domain}\", \"resolves_to_refs\": [\"{address}\"]");
                }
                else
                {
                    Add("domain-name", $"\"value\": \"{domain}\"");
                }

                break;
            case 3:
                Add("url", $"\"value\": \"{Url(Pick(random, UrlPool))}\"");
                break;
            case 4:
                var h = Pick(random, HashPool);
                Add("file", $"\"name\": \"{FileName(h)}\", \"size\": {random.Next(100, 5_000_000)}, \"hashes\": {{\"SHA-256\": \"{Sha256(h)}\", \"MD5\": \"{Md5(h)}\"}}");
                break;
            case 5:
            case 6:
                var v6 = random.Next(5) == 0;
                var src = v6 ? Add("ipv6-addr", $"\"value\": \"{Ip6(Pick(random, IpPool))}\"") : Add("ipv4-addr", $"\"value\": \"{Ip(Pick(random, IpPool))}\"");
                var dst = v6 ? Add("ipv6-addr", $"\"value\": \"{Ip6(Pick(random, IpPool))}\"") : Add("ipv4-addr", $"\"value\": \"{Ip(Pick(random, IpPool))}\"");
                Add("network-traffic", $"\"src_ref\": \"{src}\", \"dst_ref\": \"{dst}\", \"src_port\": {random.Next(1024, 65536)}, \"dst_port\": {(random.Next(3) == 0 ? 443 : random.Next(1, 10000))}, \"protocols\": [\"tcp\"]");
                break;
            case 7:
                var image = Add("file", $"\"name\": \"{FileName(Pick(random, HashPool))}\"");
                Add("process", $"\"pid\": {random.Next(1, 70000)}, \"command_line\": \"{CommandLine(Pick(random, HashPool))}\", \"image_ref\": \"{image}\"");
                break;
            default:
                Add("ipv6-addr", $"\"value\": \"{Ip6(Pick(random, IpPool))}\"");
                break;
        }

        return list;
    }

    private int HotOrAny(Random random, int pool) => currentIndicator < hotIndicators && random.Next(4) == 0 ? random.Next(Hot) : random.Next(pool);

    private string SinglePattern(Random random)
    {
        var roll = random.Next(includeNonIndexable ? 100 : 88);
        return roll switch
        {
            < 14 => $"[ipv4-addr:value = {Quote(Ip(HotOrAny(random, IpPool)))}]",
            < 24 => $"[domain-name:value = {Quote(Domain(HotOrAny(random, DomainPool)))}]",
            < 33 => $"[url:value = {Quote(Url(HotOrAny(random, UrlPool)))}]",
            < 41 => $"[file:hashes.'SHA-256' = {Quote(Sha256(HotOrAny(random, HashPool)))}]",
            < 45 => $"[file:hashes.MD5 = {Quote(Md5(HotOrAny(random, HashPool)))}]",
            < 52 => random.Next(2) == 0
                ? $"[domain-name:value IN ({string.Join(", ", Enumerable.Range(0, random.Next(2, 6)).Select(_ => Quote(Domain(HotOrAny(random, DomainPool)))))})]"
                : $"[ipv4-addr:value IN ({string.Join(", ", Enumerable.Range(0, random.Next(2, 6)).Select(_ => Quote(Ip(HotOrAny(random, IpPool)))))})]",
            < 60 => CidrPattern(random),
            < 68 => LikePattern(random),
            < 75 => MatchesPattern(random),
            < 81 => $"[network-traffic:dst_ref.value = {Quote(Ip(HotOrAny(random, IpPool)))} AND network-traffic:dst_port = 443]",
            < 84 => $"[domain-name:value = {Quote(Domain(HotOrAny(random, DomainPool)))}] OR [url:value LIKE {Quote($"%/p/{random.Next(UrlPool):D8}")}]",
            < 86 => $"[ipv4-addr:value = {Quote(Ip(HotOrAny(random, IpPool)))}] START t'2024-03-01T00:00:00Z' STOP t'{Stamp(Epoch.AddHours(random.Next(1, 200)))}'",
            < 88 => $"[file:hashes.'SHA-256' = {Quote(Sha256(HotOrAny(random, HashPool)))} OR file:name = {Quote(FileName(HotOrAny(random, HashPool)))}] WITHIN {random.Next(1, 40)} SECONDS",
            _ => NonIndexablePattern(random),
        };
    }

    private string CidrPattern(Random random)
    {
        var i = HotOrAny(random, IpPool);
        var octets = Ip(i).Split('.');
        return random.Next(10) switch
        {
            0 => $"[ipv6-addr:value ISSUBSET '2001:db8:{i & 0xffff:x}::/48']",
            1 => $"[network-traffic:dst_ref.value ISSUBSET '{octets[0]}.{octets[1]}.{octets[2]}.0/24']",
            2 => $"[ipv4-addr:value ISSUBSET '{octets[0]}.{octets[1]}.{octets[2]}.{int.Parse(octets[3], CultureInfo.InvariantCulture) & 0xf0}/28']",
            3 when random.Next(8) == 0 => $"[ipv4-addr:value ISSUBSET '{octets[0]}.{octets[1]}.0.0/16']",
            _ => $"[ipv4-addr:value ISSUBSET '{octets[0]}.{octets[1]}.{octets[2]}.0/24']",
        };
    }

    private string LikePattern(Random random)
    {
        var d = HotOrAny(random, DomainPool);
        return random.Next(6) switch
        {
            0 => $"[domain-name:value LIKE {Quote($"%h{d:D7}.{Words[d % Words.Length]}%")}]",
            1 => $"[url:value LIKE {Quote($"http://h{d:D7}.%")}]",
            2 => $"[file:name LIKE {Quote($"file{random.Next(fileNames):D6}__.%")}]",
            3 when currentIndicator < hotIndicators => $"[domain-name:value LIKE {Quote(random.Next(2) == 0 ? "caf\u00e9%" : "cafe\u0301%")}]",
            4 => $"[process:command_line LIKE {Quote($"%job{HotOrAny(random, HashPool):D8}")}]",
            _ => $"[url:value LIKE {Quote($"%://{Domain(d)}/p/_%")}]",
        };
    }

    private string MatchesPattern(Random random)
    {
        var d = HotOrAny(random, DomainPool);
        return random.Next(6) switch
        {
            0 => $"[url:value MATCHES {Quote($"^https?://h{d:D7}\\.{Words[d % Words.Length]}\\.[a-z]+/p/[0-9]+$")}]",
            1 => $"[domain-name:value MATCHES {Quote($"^h{d:D7}[0-9]?\\.")}]",
            2 => $"[process:command_line MATCHES {Quote($"powershell\\.exe -nop -enc {Hex(HotOrAny(random, HashPool), 1)[..6]}")}]",
            3 when currentIndicator < hotIndicators => $"[domain-name:value MATCHES {Quote(random.Next(2) == 0 ? "^caf\u00e9\\." : "^cafe\u0301\\.")}]",
            4 => $"[file:name MATCHES {Quote($"^file{random.Next(fileNames):D6}_[13]\\.exe$")}]",
            _ => $"[url:value MATCHES {Quote($"/p/{HotOrAny(random, UrlPool):D8}$")}]",
        };
    }

    private string MultiPattern(Random random)
    {
        // Hot values only in the first indicators (all of them in the test profile), so that windows fill.
        var a = currentIndicator < hotIndicators ? random.Next(Hot) : random.Next(IpPool);
        var b = currentIndicator < hotIndicators ? random.Next(Hot) : random.Next(IpPool);
        return random.Next(6) switch
        {
            0 => $"[ipv4-addr:value = {Quote(Ip(a))}] AND [domain-name:value = {Quote(Domain(b))}] WITHIN {random.Next(30, 900)} SECONDS",
            1 => $"[domain-name:value = {Quote(Domain(a))}] FOLLOWEDBY [url:value = {Quote(Url(b))}] WITHIN {random.Next(30, 900)} SECONDS",
            2 => $"[ipv4-addr:value = {Quote(Ip(a))}] REPEATS {random.Next(2, 4)} TIMES WITHIN {random.Next(60, 1200)} SECONDS",
            3 => $"([file:hashes.'SHA-256' = {Quote(Sha256(a))}] OR [file:name LIKE {Quote($"file{a:D6}_%")}]) AND [ipv4-addr:value ISSUBSET '10.0.{b}.0/24']",
            4 when includeNonIndexable => $"[network-traffic:dst_port = 443] REPEATS 3 TIMES WITHIN {random.Next(1, 5)} SECONDS",
            _ => $"[domain-name:value = {Quote(Domain(a))}] AND [ipv4-addr:value = {Quote(Ip(b))}] AND [url:value LIKE {Quote($"%/p/{b:D8}")}]",
        };
    }

    private string NonIndexablePattern(Random random) => random.Next(13) switch
    {
        0 => $"[network-traffic:dst_port = {random.Next(1, 10000)}]",
        1 => $"[file:size > {random.Next(4_900_000, 5_000_000)}]",
        2 => $"[process:pid <= {random.Next(1, 50)}]",
        3 => $"[ipv6-addr:value NOT = {Quote(Ip6(random.Next(IpPool)))} AND ipv6-addr:value ISSUBSET '2001:db8:{random.Next(IpPool):x}::/48']",
        4 => $"[domain-name:value != {Quote(Domain(random.Next(DomainPool)))} AND domain-name:value MATCHES '^h1(2|3)']",
        5 => $"[ipv4-addr:value ISSUPERSET {Quote(Ip(random.Next(IpPool)))}]",
        6 => $"[EXISTS network-traffic:src_ref.value AND network-traffic:src_port >= {random.Next(65000, 65536)}]",
        7 => $"[file:name NOT LIKE 'file%' OR file:size < {random.Next(100, 200)}]",
        8 => $"[process:image_ref.name LIKE {Quote($"file{random.Next(fileNames):D6}%")}]",
        9 => $"[network-traffic:dst_port IN ({random.Next(1, 10000)}, {random.Next(1, 10000)}) AND network-traffic:protocols[*] = 'tcp']",
        10 => $"[domain-name:resolves_to_refs[*].value = {Quote(Ip(HotOrAny(random, IpPool)))}]",
        11 => $"[file:name MATCHES {Quote($"^file{random.Next(fileNames):D6}_(1|3)\\.exe$")}]",
        _ => $"[url:value MATCHES 'p/1[0-9]{{3}}$|^https://h7']",
    };
}
