using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Notifications;

/// <summary>Notification e-mails: the outbox sender (SMTP mode) and the administrators' outbox pages.</summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<OutboxSender>();
        services.AddHostedService<OutboxSenderService>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Notifications", Shared.Auth.Policies.Admin);
            o.Conventions.AddPageRoute("/Notifications/Outbox", "/administration/courriels");
        });
        return services;
    }
}
