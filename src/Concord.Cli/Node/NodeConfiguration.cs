// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Taxii.Server;
using Microsoft.Extensions.Configuration;

namespace Concord.Cli.Node;

/// <summary>
/// The node's configuration, lowest precedence first: <c>appsettings.json</c> in the working directory,
/// <c>appsettings.json</c> in the data directory, environment variables prefixed <c>CONCORD_</c> (<c>__</c> separates
/// sections), then command-line flags. Every key is documented in docs/configuration.md.
/// </summary>
internal static class NodeConfiguration
{
    /// <summary>The data directory when neither <c>--data</c>, <c>CONCORD_DATA</c> nor <c>Data</c> says otherwise.</summary>
    public const string DefaultDataDirectory = ".concord";

    private static readonly string[] StorageKeys = [StoreFactory.EngineKey, StoreFactory.ConnectionStringKey];

    public static IConfiguration Build(string? dataFlag, IReadOnlyDictionary<string, string?> flags)
    {
        var working = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("CONCORD_")
            .Build();
        var dataDirectory = Path.GetFullPath(dataFlag ?? working["Data"] ?? DefaultDataDirectory);
        var overrides = new Dictionary<string, string?>(flags, StringComparer.OrdinalIgnoreCase) { ["Data"] = dataDirectory };
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(dataDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddInMemoryCollection(UnprefixedStorageVariables())
            .AddEnvironmentVariables("CONCORD_")
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>
    /// <c>Storage__Engine</c> and <c>Storage__ConnectionString</c> without the <c>CONCORD_</c> prefix, as container platforms
    /// and the storage issue name them; the prefixed variables take precedence.
    /// </summary>
    private static Dictionary<string, string?> UnprefixedStorageVariables() =>
        StorageKeys
            .Select(key => (key, value: Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal))))
            .Where(pair => pair.value is not null)
            .ToDictionary(pair => pair.key, pair => pair.value, StringComparer.OrdinalIgnoreCase);

    public static string DataDirectory(IConfiguration configuration) => configuration["Data"]!;

    public static string DatabasePath(IConfiguration configuration) => Path.Combine(DataDirectory(configuration), "concord.db");

    /// <summary>The server settings; a malformed value is an <see cref="InvalidOperationException"/> naming its key.</summary>
    public static TaxiiServerOptions ServerOptions(IConfiguration configuration)
    {
        var defaults = new TaxiiServerOptions();
        var roots = configuration.GetSection("Taxii:ApiRoots").GetChildren()
            .ToDictionary(s => s.Key, s => new ApiRootSettings(s["Title"] ?? s.Key, s["Description"]), StringComparer.Ordinal);
        var urls = configuration["Urls"];
        return new TaxiiServerOptions
        {
            Title = configuration["Taxii:Title"] ?? defaults.Title,
            Description = configuration["Taxii:Description"],
            Contact = configuration["Taxii:Contact"],
            ApiRoots = roots.Count == 0 ? defaults.ApiRoots : roots,
            DefaultApiRoot = configuration["Taxii:DefaultApiRoot"] ?? defaults.DefaultApiRoot,
            MaxContentLength = Number(configuration, "Taxii:MaxContentLength", defaults.MaxContentLength),
            DefaultPageSize = (int)Number(configuration, "Taxii:DefaultPageSize", defaults.DefaultPageSize),
            MaxPageSize = (int)Number(configuration, "Taxii:MaxPageSize", defaults.MaxPageSize),
            MaxFailedLogins = (int)Number(configuration, "Accounts:MaxFailedLogins", defaults.MaxFailedLogins),
            LockoutDuration = TimeSpan.FromSeconds(Number(configuration, "Accounts:LockoutSeconds", (long)defaults.LockoutDuration.TotalSeconds)),
            CredentialCacheDuration = TimeSpan.FromSeconds(Number(configuration, "Accounts:CredentialCacheSeconds", (long)defaults.CredentialCacheDuration.TotalSeconds)),
            Urls = urls is null ? defaults.Urls : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            AllowInsecureHttp = Flag(configuration, "AllowInsecureHttp"),
            CertificatePath = configuration["Tls:CertificatePath"],
            CertificateKeyPath = configuration["Tls:CertificateKeyPath"],
            CertificatePassword = configuration["Tls:CertificatePassword"],
        };
    }

    internal static long Number(IConfiguration configuration, string key, long fallback)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= int.MaxValue
            ? value
            : throw new InvalidOperationException($"Configuration key {key} must be a non-negative integer, not '{text}'.");
    }

    private static bool Flag(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        return text is null ? false : bool.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Configuration key {key} must be true or false, not '{text}'.");
    }
}
