// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning;
using Concord.Sharing.Administration;
using Concord.Sharing.Audit;
using Concord.Stix.Validation;
using Concord.Storage;
using Concord.Taxii.Server.Internal;
using System.Buffers;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concord.Taxii.Server;

/// <summary>
/// Builds the node's web application: TAXII 2.1 under <c>/taxii2/</c> (discovery at <c>/taxii2/</c>, API roots at
/// <c>/taxii2/NAME/</c>) and <c>/healthz</c>, on Kestrel with the configured listeners.
/// </summary>
/// <remarks>
/// Every error response, including unknown routes, wrong methods, malformed JSON and oversize bodies, carries a TAXII
/// error resource (section 3.6.1). POSTed objects are checked with the STIX validator, indicator patterns included.
/// </remarks>
public static partial class TaxiiServerApplication
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);
    private static readonly SearchValues<char> ApiRootNameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Builds the application; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    /// <param name="store">The node's store; its lifetime is the caller's.</param>
    /// <param name="options">The settings.</param>
    /// <param name="configureLogging">Adjusts logging (by default: console, warnings and above).</param>
    /// <param name="time">The clock; the system clock when null.</param>
    /// <param name="audit">The node's audit log, which records every POST before it is answered and every disclosure, denial and redaction; required unless
    /// <see cref="TaxiiServerOptions.EnforceSharingPolicy"/> is off.</param>
    /// <exception cref="InvalidOperationException">A listening URL is invalid, plain HTTP is asked for off loopback, the certificate is missing,
    /// or the sharing policy is enforced without an audit log.</exception>
    public static WebApplication Build(IConcordStore store, TaxiiServerOptions options, Action<ILoggingBuilder>? configureLogging = null, TimeProvider? time = null, IAuditLog? audit = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (options.EnforceSharingPolicy && audit is null)
        {
            throw new InvalidOperationException("The sharing policy is enforced, so its decisions must be audited: pass the node's audit log.");
        }

        if (options.MaxContentLength <= 0 || options.DefaultPageSize <= 0 || options.MaxPageSize < options.DefaultPageSize || options.MaxFailedLogins <= 0)
        {
            throw new InvalidOperationException("Taxii:MaxContentLength, Taxii:DefaultPageSize and Accounts:MaxFailedLogins must be positive, and Taxii:MaxPageSize at least Taxii:DefaultPageSize.");
        }

        foreach (var name in options.ApiRoots.Keys)
        {
            if (!IsApiRootName(name))
            {
                throw new InvalidOperationException($"'{name}' is not a valid API root name: use 1 to 64 of a-z, 0-9, '-' and '_'.");
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => ListenerSetup.Configure(kestrel, options));

        var clock = time ?? TimeProvider.System;
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new StixValidator(new StixValidatorOptions { PatternChecker = new StixPatternChecker() }));
        builder.Services.AddSingleton(services => new Authenticator(store, options, clock));
        builder.Services.AddSingleton(services => new TaxiiHandlers(
            store,
            options,
            services.GetRequiredService<Authenticator>(),
            services.GetRequiredService<StixValidator>(),
            clock,
            options.EnforceSharingPolicy ? new SharingEnforcement(store, audit!, clock) : null));
        builder.Services.AddSingleton(new IngestAudit(audit, store));

        var app = builder.Build();
        app.UseMiddleware<ResponseSigningMiddleware>();
        app.UseMiddleware<ErrorBoundaryMiddleware>();
        app.UseRouting();
        MapEndpoints(app, app.Services.GetRequiredService<TaxiiHandlers>(), store);
        if (options.AdministratorOrganizationId is { } administrators && audit is not null)
        {
            new AdminApi(new SharingAdministration(store, audit, clock), app.Services.GetRequiredService<Authenticator>(), administrators).Map(app);
        }

        return app;
    }

    /// <summary>Whether a name can be an API root: 1 to 64 of a-z, 0-9, hyphen and underscore.</summary>
    /// <param name="name">The name.</param>
    public static bool IsApiRootName(string name) =>
        name is { Length: > 0 and <= 64 } && !name.AsSpan().ContainsAnyExcept(ApiRootNameCharacters);

    private static void MapEndpoints(IEndpointRouteBuilder endpoints, TaxiiHandlers handlers, IConcordStore store)
    {
        const string Collection = "/taxii2/{root}/collections/{collectionId}/";
        endpoints.MapGet("/taxii2/", handlers.DiscoveryAsync);
        endpoints.MapGet("/taxii2/{root}/", handlers.ApiRootAsync);
        endpoints.MapGet("/taxii2/{root}/status/{statusId}/", handlers.StatusAsync);
        endpoints.MapGet("/taxii2/{root}/collections/", handlers.CollectionsAsync);
        endpoints.MapGet(Collection, handlers.CollectionAsync);
        endpoints.MapGet(Collection + "manifest/", handlers.ManifestAsync);
        endpoints.MapGet(Collection + "objects/", handlers.GetObjectsAsync);
        endpoints.MapPost(Collection + "objects/", handlers.AddObjectsAsync);
        endpoints.MapGet(Collection + "objects/{objectId}/", handlers.GetObjectAsync);
        endpoints.MapDelete(Collection + "objects/{objectId}/", handlers.DeleteObjectAsync);
        endpoints.MapGet(Collection + "objects/{objectId}/versions/", handlers.VersionsAsync);
        endpoints.MapGet("/healthz", context => HealthAsync(context, store));
    }

    /// <summary>
    /// <c>/healthz</c>: 200 when the store answers a cheap query within <see cref="HealthTimeout"/>, else 503. The body says
    /// only which part is down; the database's error (which may name hosts) goes to the log.
    /// </summary>
    private static async Task HealthAsync(HttpContext context, IConcordStore store)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(HealthTimeout);
        string body;
        try
        {
            await store.ListCollectionsAsync(TaxiiServerOptions.DefaultApiRootName, timeout.Token).ConfigureAwait(false);
            body = "{\"status\":\"ok\",\"storage\":\"ok\"}";
        }
        catch (Exception e) when (e is DbException or TimeoutException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            LogUnhealthy(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TaxiiServerApplication)), e.Message);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            body = "{\"status\":\"unavailable\",\"storage\":\"unreachable\"}";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: the store did not answer: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string reason);
}
