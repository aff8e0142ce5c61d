using System.Text;
using Cap.Web.Shared.Problems;

namespace Cap.Web.Tests.Platform;

/// <summary>Where a NUL hides in a JSON body: the path named in the 400 is the field a client must correct.</summary>
public sealed class NullCharacterGuardTests
{
    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "name")]
    [InlineData("""{"name":"ok","summary":"\u0000"}""", "summary")]
    [InlineData("""{"items":[{"label":"ok"},{"label":"x\u0000"}]}""", "items[1].label")]
    [InlineData("""{"a":{"b":[1,2,["x","\u0000"]]}}""", "a.b[2][1]")]
    [InlineData("""["x","\u0000"]""", "[1]")]
    [InlineData("\"\\u0000\"", "$")]
    [InlineData("""{"k\u0000":1}""", "k\0")]
    public void The_first_string_holding_a_nul_is_named(string json, string path) =>
        Assert.Equal(path, NullCharacterGuard.FieldWithNull(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"name":"sans caractère nul","n":0}""")]
    // A backslash followed by the text u0000 is not a NUL.
    [InlineData("""{"name":"C:\\u0000"}""")]
    // Malformed: the endpoint answers its own 400.
    [InlineData("""{"name" "\u0000"}""")]
    [InlineData("")]
    public void Nothing_is_named_when_no_string_holds_a_nul(string json) =>
        Assert.Null(NullCharacterGuard.FieldWithNull(Encoding.UTF8.GetBytes(json)));
}
