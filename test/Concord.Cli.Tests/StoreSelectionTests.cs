// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Concord.Testing;
using Npgsql;

namespace Concord.Cli.Tests;

/// <summary>Storage:Engine and Storage:ConnectionString choose the store of every node command.</summary>
public sealed class StoreSelectionTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-cli-store-" + Guid.NewGuid().ToString("N"));
    private readonly string schema = TestPostgres.NewSchema("cli");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        if (TestPostgres.SkipReason is null)
        {
            await using var dataSource = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
            await drop.ExecuteNonQueryAsync();
        }
    }

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "mysql", null, "Configuration key Storage:Engine must be 'sqlite' or 'postgres', not 'mysql'." },
        { "postgres", null, "Configuration key Storage:ConnectionString is required with Storage:Engine=postgres" },
        { "sqlite", "Host=localhost", "Configuration key Storage:ConnectionString is used only with Storage:Engine=postgres" },
        { "postgres", "Host=localhost;Colour=blue", "configuration key Storage:ConnectionString is not a valid Npgsql connection string" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Storage_settings_that_do_not_fit_stop_the_command_with_a_message_naming_the_key(string engine, string? connectionString, string message)
    {
        Configure(engine, connectionString);

        var run = CliRun.Of("init", "--data", directory);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.StartsWith("concord init: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "node-identity.json")));
    }

    [Fact]
    public void An_unreachable_postgres_server_is_reported_with_where_it_was_looked_for()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Configure("postgres", $"Host=127.0.0.1;Port={port};Database=concord;Username=node;Password=secret;Timeout=2");

        var run = CliRun.Of("init", "--data", directory);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains($"concord init: cannot open the postgres store at 127.0.0.1:{port}/concord as node: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Init_and_the_administration_commands_work_on_postgres()
    {
        Configure("postgres", TestPostgres.InSchema(schema));

        var init = CliRun.Of("init", "--data", directory);
        var add = CliRun.Of("org", "add", "--data", directory, "beta");
        var list = CliRun.Of("org", "list", "--data", directory);
        var collection = CliRun.Of("collection", "add", "--data", directory, "--title", "Shared", "--read", "node,beta", "--write", "node");

        Assert.True(init.ExitCode == ExitCodes.Success, init.Error);
        Assert.True(add.ExitCode == ExitCodes.Success, add.Error);
        Assert.Equal(["beta", "node"], list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split("  ")[1].Trim()));
        Assert.True(collection.ExitCode == ExitCodes.Success, collection.Error);
        Assert.False(File.Exists(Path.Combine(directory, "concord.db")), "no SQLite database when the engine is postgres");
    }

    /// <summary>Writes the storage settings to the data directory's appsettings.json, which every node command reads.</summary>
    private void Configure(string engine, string? connectionString)
    {
        Directory.CreateDirectory(directory);
        var storage = new Dictionary<string, string> { ["Engine"] = engine };
        if (connectionString is not null)
        {
            storage["ConnectionString"] = connectionString;
        }

        File.WriteAllText(Path.Combine(directory, "appsettings.json"), JsonSerializer.Serialize(new Dictionary<string, object> { ["Storage"] = storage }));
    }
}
