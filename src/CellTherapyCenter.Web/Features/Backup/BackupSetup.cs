using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Backup;

public static class BackupSetup
{
    /// <summary>
    /// Backups (the commands and <c>Backup:Schedule</c>), and where the data protection keys live:
    /// the folder <c>DataProtection:KeysPath</c> when it is set, otherwise the registry's own table;
    /// either way encrypted under <c>DataProtection:KeyFile</c>.
    /// </summary>
    public static IServiceCollection AddBackup(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<RegistryBackup>();
        services.AddSingleton<Audit.AuditChainMonitor>();
        if (configuration["Backup:Schedule"] is { Length: > 0 } schedule)
        {
            if (string.IsNullOrWhiteSpace(configuration["Backup:Folder"]))
                throw new InvalidOperationException("Backup:Schedule is set but Backup:Folder is not: name the folder the backups go to.");
            services.AddSingleton(BackupSchedule.Parse(schedule));
            services.AddSingleton<ScheduledBackups>();
            services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
        }

        // One name wherever the app runs from, so a restored registry's keys still apply.
        var dataProtection = services.AddDataProtection().SetApplicationName("CellTherapyCenter");
        var keyFile = Path.Combine(environment.ContentRootPath,
            configuration["DataProtection:KeyFile"] is { Length: > 0 } k ? k : DataProtectionKeyFile.DefaultPath);
        services.AddSingleton(new DataProtectionKeyFile(keyFile));
        var folder = configuration["DataProtection:KeysPath"];
        if (!string.IsNullOrEmpty(folder))
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(environment.ContentRootPath, folder)));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlEncryptor = new KeyFileXmlEncryptor(sp.GetRequiredService<DataProtectionKeyFile>());
            if (string.IsNullOrEmpty(folder)) o.XmlRepository = new RegistryXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
        }));
        return services;
    }
}
