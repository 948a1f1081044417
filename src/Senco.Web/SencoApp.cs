using Senco.Web.Features.Transfers;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Data;
using Senco.Web.Features.Admin;
using Senco.Web.Features.Account;
using Senco.Web.Features.Api;
using Senco.Web.Features.Demo;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;


namespace Senco.Web;

public static class SencoApp
{
    public const string SmartScheme = "Senco.Smart";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // No "Server: Kestrel" header: nothing to tell a scanner which server to try (ASVS 14.3.3).
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var config = builder.Configuration;
        var (provider, connectionString) = ResolveDatabase(config, builder.Environment);

        var services = builder.Services;
        var session = config.GetSection("Senco:Session").Get<Senco.Web.Features.Account.SessionOptions>() ?? new();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(session));
        services.AddSencoDatabase(provider, connectionString);
        services.AddDataProtection().SetApplicationName("Senco").PersistKeysToDbContext<SencoDbContext>();
        services.AddScoped<UserContext>();
        services.AddMemoryCache();
        services.AddSingleton<GrantCache>();
        services.AddSingleton<Senco.Web.Features.Register.RegisterCache>();
        services.AddSingleton<Senco.Web.Features.Account.UnknownAccountLockout>();
        services.AddSingleton(TimeProvider.System);
        services.AddSencoAudit();
        services.Configure<SencoOptions>(config.GetSection("Senco"));
        services.AddScoped<Senco.Web.Features.Pupils.PupilFinder>();
        services.AddScoped<Senco.Web.Features.Pupils.PupilCommands>();
        services.AddScoped<AdminCommands>();
        // EHC plans
        services.AddScoped<Senco.Web.Features.Ehc.EhcFinder>();
        services.AddScoped<Senco.Web.Features.Ehc.EhcCommands>();
        services.AddScoped<Senco.Web.Features.Ehc.StatutoryClockQuery>();
        services.AddScoped<Senco.Web.Features.Trusts.TrustDashboardQuery>(); // the trust view (issue 8)
        services.AddScoped<Senco.Web.Features.Leadership.Dashboard.SchoolDashboardQuery>(); // the leaders' and governors' dashboard (issue 8)
        services.AddScoped<Senco.Web.Features.Ehc.EhcDocumentService>();
        services.AddScoped<Senco.Web.Features.Ehc.CalendarFeed>();
        services.Configure<Senco.Web.Features.Ehc.SmtpOptions>(config.GetSection("Senco:Smtp"));
        services.AddSingleton<Senco.Web.Features.Ehc.DeadlineDigest>();
        // Account security (issue 9): credential-change emails through an outbox, temporary passwords, sessions.
        services.AddHttpContextAccessor();
        services.Configure<Senco.Web.Features.Account.PasswordPolicyOptions>(config.GetSection("Senco:Passwords"));
        var hashIterations = Senco.Web.Features.Account.PasswordHashing.Iterations(config, builder.Environment);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = hashIterations);
        services.AddSingleton<Senco.Web.Features.Account.DecoyPasswordHash>();
        services.AddSingleton<Senco.Web.Features.Account.SessionTouches>();
        services.AddSingleton<Senco.Web.Features.Account.OutboxSignal>();
        services.AddSingleton<Senco.Web.Features.Account.OutboxSender>();
        services.AddHostedService<Senco.Web.Features.Account.OutboxSenderService>();
        services.AddScoped<Senco.Web.Features.Account.AccountNotices>();
        services.AddScoped<Senco.Web.Features.Account.PasswordChanges>();
        services.AddHostedService<Senco.Web.Features.Ehc.DeadlineDigestService>();
        // Graduated approach
        services.AddScoped<Senco.Web.Features.Graduated.GraduatedAccess>();
        services.AddScoped<Senco.Web.Features.SupportPlans.SupportPlanCommands>();
        services.AddScoped<Senco.Web.Features.Passports.PassportCommands>();
        services.AddScoped<Senco.Web.Features.Passports.PassportQueries>();
        services.AddScoped<Senco.Web.Features.TeachingGroups.TeachingGroupCommands>();
        services.AddScoped<Senco.Web.Features.Strategies.StrategyCommands>();
        // Provision and interventions
        services.AddScoped<Senco.Web.Features.Provision.ProvisionAccess>();
        services.AddScoped<Senco.Web.Features.Provision.ProvisionCatalogue>();
        services.AddScoped<Senco.Web.Features.Provision.FundingCommands>();
        services.AddScoped<Senco.Web.Features.Interventions.GroupCommands>();
        services.AddScoped<Senco.Web.Features.Deployment.StaffCommands>();
        services.AddSencoExchange();
        Senco.Web.Features.Team.TeamServices.Add(services);
        Senco.Web.Features.Imports.ImportServices.Add(services); // MIS import, subject access, retention (issue 7)
        Senco.Web.Features.Delivery.DeliveryServices.Add(services);
        // Leadership (issue 8): SEN information report, exam access arrangements
        services.AddScoped<Senco.Web.Features.InformationReport.InformationReportQueries>();
        services.AddScoped<Senco.Web.Features.InformationReport.InformationReportCommands>();
        services.AddScoped<Senco.Web.Features.ExamAccess.ExamAccessUseCases>();
        services.AddScoped<Senco.Web.Features.Leadership.Assessment.AssessmentCommands>(); // leadership and analysis (issue 8)
        services.AddScoped<Senco.Web.Features.AccessibilityPlan.AccessibilityPlanUseCases>(); // Equality Act: accessibility plan, reasonable adjustments
        services.AddScoped<Senco.Web.Features.AccessibilityPlan.ReasonableAdjustmentUseCases>();

        services.AddIdentityCore<SencoUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length, not composition rules (NIST SP 800-63B / ASVS 2.1): a long passphrase beats "P@ssw0rd1".
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddPasswordValidator<Senco.Web.Features.Account.CommonPasswordValidator>()
            .AddSignInManager()
            .AddEntityFrameworkStores<SencoDbContext>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o =>
            {
                // API clients send a bearer token; the browser UI uses the sign-in cookie. Both reach the same rules.
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
            })
            .AddSencoSingleSignOn(services, config)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = Senco.Web.Features.Account.UserSessions.TokenLifetime)
            .AddIdentityCookies(c =>
            {
                // The short-lived sign-in cookies (two-factor step, single sign-on hand-over) get the same protection.
                foreach (var other in new[] { c.TwoFactorUserIdCookie, c.TwoFactorRememberMeCookie, c.ExternalCookie })
                    other?.Configure(o =>
                    {
                        o.Cookie.HttpOnly = true;
                        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                        o.Cookie.SameSite = SameSiteMode.Lax; // Lax: single sign-on returns from the identity provider's site
                    });
                c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.Name = "senco.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                Senco.Web.Features.Account.SessionRules.Configure(o, session);
                Senco.Web.Features.Account.UserSessions.Configure(o);
                o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            });
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AllowAnonymousToPage("/Home/Privacy");
                o.Conventions.AllowAnonymousToPage("/Home/Accessibility");
                o.Conventions.AllowAnonymousToPage("/Home/Error");
                o.Conventions.AllowAnonymousToPage("/Home/Status");
                foreach (var page in new[] { "/Account/SignIn", "/Account/TwoFactor" })
                    o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.SignIn)));
            })
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new Senco.Web.Features.Shared.TagHelpers.DateOnlyPartsModelBinderProvider()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "senco.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "senco.notice";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        // Names such as Zoë or Siân are written as typed in the HTML, not as numeric entities (still HTML-encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Senco HTTP API";
            doc.Info.Version = "v1";
            doc.Info.Description = "The SEND register, EHC plans and provision of a school or trust. See the README.";
            return Task.CompletedTask;
        }));
        services.AddSencoRateLimits(config);
        services.AddSencoReverseProxy(config);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        return builder.Build().UseSenco();
    }

    /// The database the settings name: PostgreSQL needs a connection string; SQLite defaults to data/senco.db.
    public static (DatabaseProvider Provider, string ConnectionString) ResolveDatabase(IConfiguration config, IHostEnvironment environment)
    {
        var provider = DatabaseSetup.ParseProvider(config["Database:Provider"]);
        var connectionString = config.GetConnectionString("Senco");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database__Provider=Postgres needs ConnectionStrings__Senco (a PostgreSQL connection string).");
            connectionString = $"Data Source={Path.Combine(environment.ContentRootPath, "data", "senco.db")}";
        }
        return (provider, connectionString);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static WebApplication UseSenco(this WebApplication app)
    {
        // First, so that everything after it (audit, rate limits, secure cookies, HSTS) sees the person's address and scheme.
        if (ReverseProxy.Enabled(app.Configuration)) app.UseForwardedHeaders();
        // API callers get RFC 9457 problem details; people get a readable page in the Senco layout.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui =>
        {
            ui.UseExceptionHandler("/home/error");
            ui.UseStatusCodePagesWithReExecute("/home/status/{0}");
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Only the two folders that hold files: every other request (pages, the API, /health) skips the file-system
        // look-up the static-file middleware makes for each path it sees.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/dist") || c.Request.Path.StartsWithSegments("/js"), files => files.UseStaticFiles());
        app.UseRouting();
        if (DatabaseSetup.ParseProvider(app.Configuration["Database:Provider"]) == DatabaseProvider.Sqlite)
            app.UseMiddleware<Senco.Web.Features.Shared.SqliteRequestConnection>();
        app.UseAuthentication();
        app.UseMiddleware<UserContextMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<Senco.Web.Features.Account.PasswordChoiceRequiredMiddleware>();
        app.UseMiddleware<Senco.Web.Features.Account.TwoFactorRequiredMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            // Says why, so an operator (or a load balancer's log) sees "the database cannot be reached".
            ResponseWriter = (http, report) =>
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                if (report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy) return http.Response.WriteAsync("Healthy");
                var detail = string.Join(" ", report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d)));
                return http.Response.WriteAsync($"{report.Status}: {detail}");
            },
        }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapSencoApi();
        Senco.Web.Features.Ehc.CalendarEndpoints.MapCalendarFeed(app); // EHC plans: per-user iCalendar feed
        app.MapRazorPages();
        return app;
    }

    /// Migrates the schema, creates the configured administrator and the demo trust, and prints how to sign in.
    public static async Task PrepareAsync(WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<SencoDbContext>();
            // Start-up work acts for the system, not a person.
            var tenant = sp.GetRequiredService<TenantScope>();
            tenant.RestrictToSystem();
            await DatabaseSetup.MigrateAsync(db);
            await AdminBootstrap.EnsureAdminAsync(sp, app.Configuration, app.Logger);
            var options = app.Configuration.GetSection("Senco").Get<SencoOptions>() ?? new SencoOptions();
            if (options.Demo)
            {
                await DemoSeeder.SeedIfEmptyAsync(sp, options, app.Logger);
            }
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Configuration.GetSection("Senco").Get<SencoOptions>() ?? new SencoOptions();
            Console.WriteLine();
            Console.WriteLine("Senco is running.");
            foreach (var a in addresses) Console.WriteLine($"  Open {a}");
            if (options.Demo) DemoSeeder.PrintSignIns(options);
            Console.WriteLine();
        });
    }
}

public sealed class SencoOptions
{
    public bool Demo { get; set; }
    /// The password every demo account gets. Demo data is fictional; never use demo mode for real pupils.
    public string DemoPassword { get; set; } = "senco-demo-2026";
}
