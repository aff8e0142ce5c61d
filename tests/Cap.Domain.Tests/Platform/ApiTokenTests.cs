using Cap.Domain.Platform;

namespace Cap.Domain.Tests.Platform;

public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewSecret_starts_with_the_cap_prefix_and_is_url_safe()
    {
        var (secret, _) = ApiToken.NewSecret();

        Assert.StartsWith(ApiToken.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal("cap_", ApiToken.SecretPrefix);
        // 32 random bytes in unpadded base64url.
        Assert.Equal(ApiToken.SecretPrefix.Length + 43, secret.Length);
        Assert.All(secret[ApiToken.SecretPrefix.Length..], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"unexpected character {c}"));
    }

    [Fact]
    public void NewSecret_hash_is_the_hash_of_the_secret()
    {
        var (secret, hash) = ApiToken.NewSecret();

        Assert.Equal(ApiToken.HashSecret(secret), hash);
        Assert.Matches("^[0-9A-F]{64}$", hash);
        Assert.NotEqual(ApiToken.HashSecret(secret + "x"), hash);
    }

    [Fact]
    public void NewSecret_never_repeats()
    {
        var secrets = Enumerable.Range(0, 50).Select(_ => ApiToken.NewSecret().Secret).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(50, secrets.Count);
    }

    [Fact]
    public void HashSecret_is_the_sha256_of_the_utf8_secret() =>
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", ApiToken.HashSecret("abc"));

    [Fact]
    public void Token_without_expiry_nor_revocation_is_usable() =>
        Assert.True(new ApiToken().IsUsable(Now));

    [Fact]
    public void Token_is_usable_until_its_expiry()
    {
        Assert.True(new ApiToken { ExpiresAt = Now.AddSeconds(1) }.IsUsable(Now));
        Assert.False(new ApiToken { ExpiresAt = Now }.IsUsable(Now));
        Assert.False(new ApiToken { ExpiresAt = Now.AddDays(-1) }.IsUsable(Now));
    }

    [Fact]
    public void Revoked_token_is_not_usable_even_before_expiry()
    {
        Assert.False(new ApiToken { RevokedAt = Now.AddDays(-1) }.IsUsable(Now));
        Assert.False(new ApiToken { RevokedAt = Now.AddDays(-1), ExpiresAt = Now.AddDays(30) }.IsUsable(Now));
    }
}
