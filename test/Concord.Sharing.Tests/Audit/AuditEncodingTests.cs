// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using CsCheck;

namespace Concord.Sharing.Tests.Audit;

/// <summary>
/// The log writes the RFC 8785 form of its own members directly; these check it against the general canonicalizer (through
/// <see cref="AuditLogDirectory.IndependentHash"/>) on strings that need every kind of escaping.
/// </summary>
public sealed class AuditEncodingTests
{
    // Quotes, backslashes, every control character, HTML-sensitive characters that JSON writers like to escape, non-ASCII
    // and a surrogate pair.
    private static readonly Gen<string> Awkward = Gen.OneOf(
        Gen.String[Gen.Char['\0', '\u001f'], 0, 4],
        Gen.String[Gen.Char["\"\\/+<>&'é日\u2028"], 0, 6],
        Gen.Const("😀 and \ud83d\ude00"),
        Gen.String.AlphaNumeric);

    private static readonly Gen<AuditEvent> EventGen =
        Gen.Select(Awkward, Awkward, Awkward, Gen.Select(Awkward, Awkward.Null(), Awkward.Null(), Awkward.Array[0, 2].Null()).Array[0, 4], Gen.Bool)
        .Select((actor, organization, reason, objects, withDetails) => new AuditEvent(AuditEntryKind.Disclosure)
        {
            Actor = AuditActor.User(actor),
            Organization = new AuditOrganization(Guid.NewGuid(), organization),
            Channel = AuditChannels.Taxii,
            Reason = reason,
            Objects = [.. objects.Select(o => new AuditObjectRef(o.Item1, o.Item2) { Outcome = o.Item3, Paths = o.Item4 })],
            Details = withDetails ? new JsonObject { [reason] = actor, ["n"] = 1.5 } : null,
        });

    [Fact]
    public Task Entries_with_strings_that_need_escaping_hash_as_their_canonical_form_and_read_back_unchanged() =>
        EventGen.List[1, 30].SampleAsync(
            async events =>
            {
                using var directory = new AuditLogDirectory();
                var written = await directory.WriteAsync(events);

                var verification = directory.Verify();
                Assert.True(verification.IsValid, verification.Violation?.ToString());
                foreach (var line in directory.ReadLines())
                {
                    var entry = JsonNode.Parse(line)!.AsObject();
                    Assert.Equal(AuditLogDirectory.IndependentHash(entry), entry["hash"]!.GetValue<string>());
                }

                var read = AuditLogReader.Read(directory.Path).Where(e => e.Kind != AuditEntryKind.Checkpoint).ToList();
                Assert.Equal(events.Count, read.Count);
                for (var i = 0; i < events.Count; i++)
                {
                    Assert.Equal(events[i].Actor, read[i].Actor);
                    Assert.Equal(events[i].Organization, read[i].Organization);
                    Assert.Equal(events[i].Reason, read[i].Reason);
                    Assert.Equal(Refs(events[i].Objects), Refs(read[i].Objects));
                    Assert.Equal(written[i].Hash, read[i].Hash);
                }
            },
            iter: 20);

    [Fact]
    public Task Object_refs_added_as_stored_bytes_hash_as_their_canonical_form_and_read_back_unchanged() =>
        Gen.Select(Awkward, Awkward, Gen.Bool).Array[1, 40].SampleAsync(
            async refs =>
            {
                // Both ways of adding: the UTF-8 bytes of a stored row (written as they are unless they need escaping) and strings.
                var list = new AuditObjectRefList();
                foreach (var (id, version, asBytes) in refs)
                {
                    if (asBytes)
                    {
                        list.Add(Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(version));
                    }
                    else
                    {
                        list.Add(id, version);
                    }
                }

                using var directory = new AuditLogDirectory();
                var written = await directory.WriteAsync([new AuditEvent(AuditEntryKind.Disclosure) { Objects = list, Channel = AuditChannels.Taxii }]);

                Assert.True(directory.Verify().IsValid, directory.Verify().Violation?.ToString());
                foreach (var line in directory.ReadLines())
                {
                    var entry = JsonNode.Parse(line)!.AsObject();
                    Assert.Equal(AuditLogDirectory.IndependentHash(entry), entry["hash"]!.GetValue<string>());
                }

                var expected = refs.Select(r => new AuditObjectRef(r.Item1, r.Item2)).ToList();
                Assert.Equal(Refs(expected), Refs(list));
                Assert.Equal(Refs(expected), Refs(AuditLogReader.Read(directory.Path).Single(e => e.Seq == written[0].Seq).Objects));
            },
            iter: 50);

    private static IEnumerable<(string Id, string? Version, string? Outcome, string Paths)> Refs(IEnumerable<AuditObjectRef> refs) =>
        refs.Select(o => (o.Id, o.Version, o.Outcome, string.Join('\u0001', o.Paths ?? [])));
}
