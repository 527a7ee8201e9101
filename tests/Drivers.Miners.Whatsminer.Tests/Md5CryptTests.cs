using ProofOfHeat.Drivers.Miners.Whatsminer.Crypto;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class Md5CryptTests
{
    // Vectors from `openssl passwd -1 -salt SALT PASSWORD` (and passlib's documented md5_crypt example).
    [Theory]
    [InlineData("admin", "BQ5hoXV9", "$1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81")]
    [InlineData("password", "3azHgidD", "$1$3azHgidD$SrJPt7B.9rekpmwJwtON31")]
    [InlineData("", "", "$1$$qRPK7m23GJusamGpoGLby/")]
    [InlineData("a-password-longer-than-sixteen-characters-really", "abcdefgh", "$1$abcdefgh$GvglxpJqblTjiI4A5vIvn0")]
    [InlineData("p", "x", "$1$x$hiN0EG1U2OVhvWQBid7j81")]
    [InlineData("0123456789abcdef", "Tg4RvB0e", "$1$Tg4RvB0e$iIEPcqNjAN7bMRx/xgq9D0")]
    [InlineData("0123456789abcdefg", "X7PqLm2a", "$1$X7PqLm2a$cVv4MuEcsokbN8ejeXva2/")]
    [InlineData("héllo wörld", "a", "$1$a$dV04v20TYwV2uN5s1/wk31")]
    [InlineData("admin1234", "Tg4RvB0e", "$1$Tg4RvB0e$Gwvs8l/kM6Wd99Iuc4Sfw/")]
    public void Matches_openssl_passwd_1(string password, string salt, string expected) =>
        Assert.Equal(expected, Md5Crypt.Hash(password, salt));

    [Fact]
    public void Salt_is_cut_at_dollar_and_to_eight_characters_and_may_carry_the_magic()
    {
        Assert.Equal("$1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81", Md5Crypt.Hash("admin", "$1$BQ5hoXV9$whatever"));
        Assert.Equal("$1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81", Md5Crypt.Hash("admin", "BQ5hoXV9tail"));
    }

    [Fact]
    public void Hash_part_is_the_22_characters_after_the_salt()
    {
        var part = Md5Crypt.HashPart("admin", "BQ5hoXV9");
        Assert.Equal("RxmaDUO33TS7O26yeMHZ81", part);
        Assert.Equal(22, part.Length);
    }
}
