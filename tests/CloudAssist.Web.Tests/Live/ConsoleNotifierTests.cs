using CloudAssist.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudAssist.Web.Tests.Live;

public sealed class ConsoleNotifierTests
{
    [Fact]
    public void Publish_OneSubscriberThrows_OthersStillNotified()
    {
        var sut = new ConsoleNotifier(NullLogger<ConsoleNotifier>.Instance);
        var received = new List<ConsoleEvent>();
        using var broken = sut.Subscribe(_ => throw new InvalidOperationException("a broken circuit"));
        using var healthy = sut.Subscribe(received.Add);

        sut.Publish(new InstanceChanged("i-1"));

        Assert.Equal([new InstanceChanged("i-1")], received);
    }

    [Fact]
    public void Subscribe_Disposed_NoLongerNotifiedAndReleased()
    {
        var sut = new ConsoleNotifier(NullLogger<ConsoleNotifier>.Instance);
        var received = 0;
        var subscription = sut.Subscribe(_ => received++);

        subscription.Dispose();
        subscription.Dispose();
        sut.Publish(new CommandsChanged());

        Assert.Equal(0, received);
        Assert.Equal(0, sut.SubscriberCount);
    }
}
