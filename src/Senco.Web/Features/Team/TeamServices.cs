namespace Senco.Web.Features.Team;

public static class TeamServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<TeamAccess>();
        services.AddScoped<TeamCommands>();
        services.AddScoped<TeamQueries>();
        services.AddScoped<StaffDevelopment>();
        services.AddScoped<Senco.Web.Features.Shared.PupilPicker>();
    }
}
