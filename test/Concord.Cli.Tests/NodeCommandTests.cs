// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.RegularExpressions;
using Concord.Storage.Sqlite;
using Concord.Taxii.Server.Accounts;

namespace Concord.Cli.Tests;

/// <summary>The node administration commands: init, org, user, token, collection, and serve's refusals.</summary>
public sealed partial class NodeCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Init_creates_the_identity_the_key_pair_the_administrator_and_the_default_collection()
    {
        var (exit, output, error) = Run(["init", "--data", directory]);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(directory, "node-identity.json")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(Path.Combine(directory, "node-key.pem")), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", await File.ReadAllTextAsync(Path.Combine(directory, "node-key.pub.pem")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "node-key.pem")));
        }

        var password = PasswordLine().Match(output).Groups[1].Value;
        Assert.Equal(24, password.Length);

        await using var store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
        var admin = await store.FindUserAsync("admin");
        Assert.NotNull(admin);
        Assert.True(PasswordHashing.Verify(password, admin.PasswordHash));
        Assert.StartsWith("pbkdf2-sha256$600000$", admin.PasswordHash, StringComparison.Ordinal);
        var collection = Assert.Single(await store.ListCollectionsAsync("api1"));
        var grant = await store.GetGrantAsync(collection.Id, admin.OrganizationId);
        Assert.True(grant is { CanRead: true, CanWrite: true });

        var (again, _, againError) = Run(["init", "--data", directory]);
        Assert.Equal(ExitCodes.InputError, again);
        Assert.Contains("already initialised", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Org_user_token_and_collection_commands_set_up_access()
    {
        Assert.Equal(ExitCodes.Success, Run(["init", "--data", directory]).Exit);
        Assert.Equal(ExitCodes.Success, Run(["org", "add", "--data", directory, "beta"]).Exit);
        Assert.Equal(ExitCodes.InputError, Run(["org", "add", "--data", directory, "beta"]).Exit);

        var (userExit, _, userError) = Run(["user", "add", "--data", directory, "--org", "beta", "--password-stdin", "bob"], "a long enough password\n");
        Assert.True(userExit == ExitCodes.Success, userError);
        Assert.Equal(ExitCodes.InputError, Run(["user", "add", "--data", directory, "--org", "nobody", "--password-stdin", "carol"], "a long enough password\n").Exit);
        Assert.Equal(ExitCodes.InputError, Run(["user", "add", "--data", directory, "--org", "beta", "--password-stdin", "short"], "short\n").Exit);

        var (tokenExit, token, _) = Run(["token", "create", "--data", directory, "--user", "bob"]);
        Assert.Equal(ExitCodes.Success, tokenExit);
        token = token.Trim();
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);

        var (collectionExit, collectionId, collectionError) = Run(["collection", "add", "--data", directory, "--title", "Shared", "--read", "node,beta", "--write", "node"]);
        Assert.True(collectionExit == ExitCodes.Success, collectionError);
        Assert.Equal(ExitCodes.InputError, Run(["collection", "add", "--data", directory, "--title", "X", "--read", "nobody"]).Exit);

        await using var store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
        var bob = await store.FindUserAsync("bob");
        Assert.True(PasswordHashing.Verify("a long enough password", bob!.PasswordHash));
        var stored = await store.FindApiTokenAsync(ApiTokens.HashOf(token));
        Assert.Equal(bob.OrganizationId, stored!.OrganizationId);
        var grant = await store.GetGrantAsync(Guid.Parse(collectionId.Trim()), bob.OrganizationId);
        Assert.True(grant is { CanRead: true, CanWrite: false });
    }

    [Fact]
    public void Commands_on_an_uninitialised_directory_say_so()
    {
        var (exit, _, error) = Run(["org", "add", "--data", directory, "beta"]);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("concord init", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", "Refusing plain HTTP")]
    [InlineData("https://127.0.0.1:0", "Tls:CertificatePath")]
    [InlineData("ftp://127.0.0.1:21", "not a listening URL")]
    [InlineData("http://example.org:80", "host name")]
    public void Serve_refuses_insecure_or_invalid_listeners(string url, string message)
    {
        var (exit, _, error) = Run(["serve", "--data", directory, "--urls", url]);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(string[] args, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(input)));
        var exit = ConcordCommand.Run(args, environment);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"password:\s+(\S+)\s+\(shown once")]
    private static partial Regex PasswordLine();
}
