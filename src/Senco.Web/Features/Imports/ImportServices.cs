namespace Senco.Web.Features.Imports;

public static class ImportServices
{
    /// MIS import (a background queue and its worker), subject access and retention.
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProgress>();
        services.AddScoped<PupilImportCommands>();
        services.AddScoped<PupilImportRunner>();
        services.AddHostedService<ImportWorker>();
        DataProtection.DataProtectionServices.Add(services);
    }
}
