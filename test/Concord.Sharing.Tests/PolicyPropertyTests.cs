// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sharing;
using CsCheck;

namespace Concord.Sharing.Tests;

/// <summary>Properties of the decision point over generated models, recipients and objects.</summary>
public sealed class PolicyPropertyTests
{
    internal static readonly Guid[] Organizations = [World.Owner, World.Peer, World.Partner, World.Outsider];
    private static readonly Guid[] Groups = [new("00000000-0000-0000-0000-0000000000f1"), new("00000000-0000-0000-0000-0000000000f2")];
    private static readonly string[] Types = ["indicator", "malware", "identity", "email-addr", "campaign"];

    private static readonly Gen<SharingParty> Party = Gen.OneOf(
        Gen.Int[0, Organizations.Length - 1].Select(i => SharingParty.Organization(Organizations[i])),
        Gen.Int[0, Groups.Length - 1].Select(i => SharingParty.WorkingGroup(Groups[i])));

    private static readonly Gen<Agreement> AgreementGen =
        Gen.Select(
            Party.Array[2, 3],
            Gen.Bool,
            Gen.Enum<TlpLevel>().Array[1, 5],
            Gen.Int[0, Types.Length - 1].Array[0, 2],
            Gen.Int[0, Types.Length - 1].Array[0, 1],
            Gen.Enum<PersonalDataCategory>().Array[0, 4],
            Gen.Int[-3, 3])
        .Select((parties, oneWay, levels, allowed, excluded, personal, start) => new Agreement(Guid.NewGuid(), "generated")
        {
            Parties = parties,
            Direction = oneWay ? AgreementDirection.OneWay : AgreementDirection.Mutual,
            Provider = oneWay ? parties[0] : null,
            TlpLevels = levels.Distinct().ToArray(),
            AllowedTypes = allowed.Select(i => Types[i]).Distinct().ToArray(),
            ExcludedTypes = excluded.Select(i => Types[i]).Distinct().ToArray(),
            PersonalData = personal.Distinct().Select(c => new PersonalDataPermission(c, "basis")).ToArray(),
            ValidFrom = World.Now.AddDays(start),
            ValidUntil = start > 1 ? null : World.Now.AddDays(start + 3),
        });

    internal static readonly Gen<SharingModel> ModelGen =
        Gen.Select(Gen.Bool.Array[Organizations.Length * Groups.Length], AgreementGen.Array[0, 3], Gen.Bool)
            .Select((membership, agreements, groupOwnsCollection) => new SharingModel(
                1,
                Groups.Select((g, gi) => new WorkingGroup(g, "g" + gi) { Members = Organizations.Where((_, oi) => membership[(gi * Organizations.Length) + oi]).ToArray() }).ToArray(),
                agreements,
                groupOwnsCollection ? new Dictionary<Guid, Guid> { [World.GroupCollection] = Groups[0] } : new Dictionary<Guid, Guid>()));

    private static readonly Gen<JsonObject> ObjectGen =
        Gen.Select(
            Gen.Int[0, Types.Length - 1],
            Gen.Int[-1, 4],
            Gen.Int[-1, 4],
            Gen.Int[0, Organizations.Length - 1].Array[0, 2],
            Gen.Int[0, 3],
            Gen.Bool)
        .Select((type, level, granularLevel, named, text, individual) =>
        {
            var obj = Stix.Object(Types[type], level < 0 ? null : (TlpLevel)level, text switch
            {
                0 => null,
                1 => "plain text about 198.51.100.7",
                2 => "write to someone@example.org",
                _ => "call +41 22 917 12 34 or someone@example.org",
            });
            obj["aliases"] = new JsonArray("first", "second", "third");
            if (individual && Types[type] == "identity")
            {
                obj["identity_class"] = "individual";
            }

            if (granularLevel >= 0)
            {
                obj.Granular((TlpLevel)granularLevel, "aliases.[1]", "name");
            }

            return named.Length > 0 ? obj.Recipients([.. named.Select(i => Organizations[i])]) : obj;
        });

    internal static readonly Gen<SharingParty?> OriginGen = Gen.OneOf(
        Party.Select(p => (SharingParty?)p),
        Gen.Const((SharingParty?)null));

    [Fact]
    public void By_default_only_CLEAR_and_named_RED_content_leaves_its_owner()
    {
        Gen.Select(ObjectGen, Gen.Int[1, Organizations.Length - 1]).Sample((obj, recipient) =>
        {
            var decision = SharingPolicy.Build(SharingModel.Empty, World.Now).Decide(obj.Version(), Organizations[recipient], SharingParty.Organization(World.Owner), "taxii");
            var level = Level(obj);
            var named = obj.ToJsonString().Contains(Organizations[recipient].ToString("D"), StringComparison.Ordinal);
            return !decision.Discloses || level == TlpLevel.Clear || (level == TlpLevel.Red && named);
        });
    }

    [Fact]
    public void Adding_an_agreement_never_removes_access_nor_adds_a_redaction()
    {
        Gen.Select(ModelGen, AgreementGen, ObjectGen, Gen.Int[0, Organizations.Length - 1], OriginGen).Sample((model, extra, obj, recipient, origin) =>
        {
            var version = obj.Version();
            var before = SharingPolicy.Build(model, World.Now).Decide(version, Organizations[recipient], origin, "taxii");
            var after = SharingPolicy.Build(model with { Agreements = [.. model.Agreements, extra] }, World.Now).Decide(version, Organizations[recipient], origin, "taxii");
            return !before.Discloses
                || (after.Discloses && after.Redactions.All(r => before.Redactions.Any(b => b.Path.Equals(r.Path))));
        });
    }

    [Fact]
    public void TLP_RED_never_reaches_an_organization_that_is_neither_named_nor_the_owner()
    {
        Gen.Select(ModelGen, ObjectGen, Gen.Int[0, Organizations.Length - 1], OriginGen).Sample((model, obj, recipient, origin) =>
        {
            obj["object_marking_refs"] = new JsonArray(TlpMarkings.RedId);
            var to = Organizations[recipient];
            var decision = SharingPolicy.Build(model, World.Now).Decide(obj.Version(), to, origin, "taxii");
            var named = obj.ToJsonString().Contains(to.ToString("D"), StringComparison.Ordinal);
            return !decision.Discloses || named || origin == SharingParty.Organization(to);
        });
    }

    [Fact]
    public void Redaction_removes_exactly_the_covered_paths_and_the_result_still_parses()
    {
        Gen.Select(ModelGen, ObjectGen, Gen.Int[0, Organizations.Length - 1], OriginGen).Sample((model, obj, recipient, origin) =>
        {
            var decision = SharingPolicy.Build(model, World.Now).Decide(obj.Version(), Organizations[recipient], origin, "taxii");
            if (decision.Outcome != PolicyOutcome.Redact)
            {
                return true;
            }

            var result = Stix.Parse(Redactor.Apply(obj.Version().Json, decision.Redactions));
            var removed = decision.Redactions.Where(r => r.Replacement is null).Select(r => r.Path.Text).ToHashSet(StringComparer.Ordinal);
            var masked = decision.Redactions.Where(r => r.Replacement is not null).ToDictionary(r => r.Path.Text, r => r.Replacement, StringComparer.Ordinal);
            foreach (var (name, value) in obj)
            {
                if (name == "granular_markings")
                {
                    continue;
                }

                var expected = name switch
                {
                    _ when removed.Contains(name) => null,
                    _ when masked.TryGetValue(name, out var replacement) => JsonValue.Create(replacement),
                    "aliases" => new JsonArray([.. value!.AsArray().Select((alias, i) => removed.Contains($"aliases.[{i}]") ? null : alias!.DeepClone()).Where(alias => alias is not null)]),
                    _ => value!.DeepClone(),
                };
                if (!JsonNode.DeepEquals(expected, result[name]))
                {
                    return false;
                }
            }

            return result["type"] is not null && result["id"] is not null;
        });
    }

    private static TlpLevel? Level(JsonObject obj) =>
        obj["object_marking_refs"] is JsonArray refs ? TlpMarkings.MostRestrictive(refs.Select(r => (string)r!)) : null;
}
