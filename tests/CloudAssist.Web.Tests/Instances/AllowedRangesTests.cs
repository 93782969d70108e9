using System.Net;
using CloudAssist.Web.Instances;

namespace CloudAssist.Web.Tests.Instances;

public sealed class AllowedRangesTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "10.255.0.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/24, ::1/128", "::1", true)]
    [InlineData("fd00::/8", "fe80::1", false)]
    [InlineData(null, "203.0.113.9", true)]
    public void Allows_PeerAddress_MatchesItsFamilyAfterUnmapping(string? ranges, string peer, bool expected)
    {
        var sut = AllowedRanges.Allows(ranges, IPAddress.Parse(peer));

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void Normalize_BlocksWithSpacesAndRepeats_CanonicalCommaList()
    {
        var (sut, error) = AllowedRanges.Normalize(" 10.0.0.0/8 ,192.168.1.0/24  10.0.0.0/8, FD00::/8 ");

        Assert.Null(error);
        Assert.Equal("10.0.0.0/8, 192.168.1.0/24, fd00::/8", sut);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.1/8")]
    [InlineData("example.com/8")]
    public void Normalize_NotACidrBlock_ErrorNamesTheBlock(string block)
    {
        var (sut, error) = AllowedRanges.Normalize("192.168.1.0/24, " + block);

        Assert.Null(sut);
        Assert.StartsWith($"'{block}' is not a CIDR block", error);
    }
}
