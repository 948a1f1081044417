namespace Senco.Web.Features.Delivery;

/// The services of provision delivered and the monitoring list, registered in one call from SencoApp.
public static class DeliveryServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<DeliveryReports>();
        services.AddScoped<DeliveryCommands>();
        services.AddScoped<Monitoring.MonitoringCommands>();
    }

    public static void MapApi(RouteGroupBuilder secured)
    {
        DeliveryApi.MapDeliveryApi(secured);
        Monitoring.MonitoringApi.MapMonitoringApi(secured);
    }
}
