using Senco.Core.Security;

namespace Senco.Core.Tests.Security;

public class AuditChainTests
{
    private static readonly Guid User = Guid.Parse("11111111-2222-3333-4444-555555555555");

    private static AuditLink Link(long seq, string summary = "Viewed the register", DateTime? at = null) =>
        new(seq, seq + 100, at ?? new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc).AddSeconds(seq), User, "Ms A Senco", 7, null, "register.view", summary, "127.0.0.1");

    private static List<(AuditLink, string?)> Chain(int n)
    {
        var list = new List<(AuditLink, string?)>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var l = Link(i, $"entry {i}");
            prev = AuditChain.Hash(prev, l);
            list.Add((l, prev));
        }
        return list;
    }

    [Fact]
    public void Hash_is_sha256_hex_and_deterministic()
    {
        var h = AuditChain.Hash(AuditChain.Genesis, Link(1));
        Assert.Matches("^[0-9a-f]{64}$", h);
        Assert.Equal(h, AuditChain.Hash(AuditChain.Genesis, Link(1)));
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("action")]
    [InlineData("user")]
    [InlineData("pupil")]
    [InlineData("ip")]
    [InlineData("at")]
    [InlineData("previous")]
    public void Every_field_changes_the_hash(string field)
    {
        var l = Link(1);
        var original = AuditChain.Hash(AuditChain.Genesis, l);
        var changed = field switch
        {
            "summary" => AuditChain.Hash(AuditChain.Genesis, l with { Summary = l.Summary + "." }),
            "action" => AuditChain.Hash(AuditChain.Genesis, l with { Action = "pupil.view" }),
            "user" => AuditChain.Hash(AuditChain.Genesis, l with { UserId = Guid.NewGuid() }),
            "pupil" => AuditChain.Hash(AuditChain.Genesis, l with { PupilId = Guid.NewGuid() }),
            "ip" => AuditChain.Hash(AuditChain.Genesis, l with { IpAddress = null }),
            "at" => AuditChain.Hash(AuditChain.Genesis, l with { At = l.At.AddMilliseconds(1) }),
            _ => AuditChain.Hash(new string('1', 64), l),
        };
        Assert.NotEqual(original, changed);
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted()
    {
        var a = Link(1) with { UserName = "ab", Action = "c" };
        var b = Link(1) with { UserName = "a", Action = "bc" };
        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, a), AuditChain.Hash(AuditChain.Genesis, b));
    }

    [Fact]
    public void Sub_microsecond_differences_do_not_change_the_hash()
    {
        var at = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal(AuditChain.Hash(AuditChain.Genesis, Link(1, at: at)), AuditChain.Hash(AuditChain.Genesis, Link(1, at: AuditChain.Truncate(at))));
    }

    [Fact]
    public void An_intact_chain_verifies()
    {
        Assert.Null(AuditChain.Verify(Chain(20)));
        Assert.Null(AuditChain.Verify(Array.Empty<SealedLink>()));
    }

    [Fact]
    public void A_changed_entry_is_named_as_the_first_break()
    {
        var chain = Chain(10);
        chain[6] = (chain[6].Item1 with { Summary = "nothing to see" }, chain[6].Item2);
        var broken = AuditChain.Verify(chain);
        Assert.NotNull(broken);
        Assert.Equal(7, broken.Sequence);
        Assert.Equal(107, broken.Id);
        Assert.Contains("changed", broken.Reason);
    }

    [Fact]
    public void A_rehashed_entry_still_breaks_at_its_successor()
    {
        // Someone edits entry 4 and recomputes its hash, but cannot fix entry 5 without recomputing the rest.
        var chain = Chain(8);
        var edited = chain[3].Item1 with { Summary = "edited" };
        chain[3] = (edited, AuditChain.Hash(chain[2].Item2!, edited));
        var broken = AuditChain.Verify(chain);
        Assert.Equal(5, broken!.Sequence);
    }

    [Fact]
    public void A_deleted_entry_shows_as_a_gap()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);
        var broken = AuditChain.Verify(chain);
        Assert.Equal(4, broken!.Sequence);
        Assert.Contains("missing", broken.Reason);
    }

    [Fact]
    public void A_redacted_entry_keeps_the_chain_whole_by_its_digest_but_cannot_hide_a_change_elsewhere()
    {
        var chain = Chain(6).Select(c => new SealedLink(c.Item1, AuditChain.ContentHash(c.Item1), c.Item2, false)).ToList();
        var redacted = chain[2] with { Link = chain[2].Link with { Summary = "(removed)", PupilId = null }, Redacted = true };
        chain[2] = redacted;
        Assert.Null(AuditChain.Verify(chain));
        // A redacted entry whose digest was tampered with breaks the chain at that entry.
        chain[2] = redacted with { StoredContentHash = new string('a', 64) };
        Assert.Equal(3, AuditChain.Verify(chain)!.Sequence);
        // Changing a non-redacted entry is still found.
        chain[2] = redacted;
        chain[4] = chain[4] with { Link = chain[4].Link with { Action = "nothing" } };
        Assert.Equal(5, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void Verification_can_resume_from_a_checkpoint()
    {
        var chain = Chain(6);
        Assert.Null(AuditChain.Verify(chain.Skip(3), chain[2].Item2!, 4));
        Assert.NotNull(AuditChain.Verify(chain.Skip(3), AuditChain.Genesis, 4));
    }
}
