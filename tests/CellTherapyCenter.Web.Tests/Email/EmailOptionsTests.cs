using CellTherapyCenter.Web.Infrastructure.Email;

namespace CellTherapyCenter.Web.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Retries_wait_four_times_longer_each_time_up_to_the_cap()
    {
        var options = new EmailOptions();
        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(32), TimeSpan.FromMinutes(128), TimeSpan.FromHours(4), TimeSpan.FromHours(4)],
            Enumerable.Range(1, 7).Select(options.RetryDelay));
    }

    [Fact]
    public void The_defaults_are_valid_and_send_nothing()
    {
        var options = new EmailOptions();
        Assert.False(options.Enabled);
        Assert.True(new EmailOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Sending_switched_on_without_a_server_or_sender_refuses_to_start()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions { Enabled = true, LeaseSeconds = 10 });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Email:Smtp:Host"));
        Assert.Contains(result.Failures!, f => f.Contains("Email:From:Address"));
        Assert.Contains(result.Failures!, f => f.Contains("Email:LeaseSeconds"));
    }
}
