using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Senco.Data;

namespace Senco.Web.Features.Register;

/// The register as last read, kept per school, filter and the school's pupil data version. The database raises the
/// version on every write to the school's pupils (triggers: see <see cref="PupilDataVersion"/>), so a kept register is
/// only reused while nothing in it can have changed, on this instance or any other. The version is read before the
/// pupils: a write that lands between the two reads leaves newer rows under the older version, never older rows under
/// the newer one. Callers authorise and audit every request as before; only the reading and serialising is saved.
public sealed class RegisterCache(IOptions<JsonOptions> json, IConfiguration configuration) : IDisposable
{
    /// How many register rows may be kept in all (setting `Senco:RegisterCacheRows`); 0 keeps nothing, so every request
    /// reads the database (for measuring the database path, or an instance short of memory).
    public const long DefaultRows = 200_000;

    // Sized in rows, so a few large registers cannot push memory without bound: about 200 registers of 1,000 rows.
    private readonly MemoryCache? cache = configuration.GetValue<long?>("Senco:RegisterCacheRows") is { } rows && rows <= 0
        ? null
        : new(new MemoryCacheOptions { SizeLimit = configuration.GetValue<long?>("Senco:RegisterCacheRows") ?? DefaultRows });
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<CachedRegister> GetAsync(SencoDbContext db, int schoolId, RegisterFilter filter, CancellationToken ct)
    {
        if (cache is null) return new CachedRegister(await RegisterQuery.RunAsync(db, schoolId, filter, ct), json.Value.SerializerOptions);
        var version = await db.PupilDataVersionAsync(schoolId, ct);
        var key = new Key(schoolId, version, filter);
        if (cache.TryGetValue(key, out CachedRegister? hit) && hit is not null) return hit;
        var result = await RegisterQuery.RunAsync(db, schoolId, filter, ct);
        var entry = new CachedRegister(result, json.Value.SerializerOptions);
        cache.Set(key, entry, new MemoryCacheEntryOptions { Size = result.Rows.Count + 1, SlidingExpiration = Idle });
        return entry;
    }

    /// For tests: how many registers are kept.
    public int Count => cache?.Count ?? 0;

    public void Dispose() => cache?.Dispose();

    private sealed record Key(int SchoolId, long Version, RegisterFilter Filter);
}

public sealed class CachedRegister(RegisterResult result, JsonSerializerOptions options)
{
    private byte[]? json;

    public RegisterResult Result { get; } = result;

    /// The API's JSON body, serialised once with the API's own options.
    public byte[] Json => json ??= JsonSerializer.SerializeToUtf8Bytes(Dto(), options);

    public RegisterDto Dto() => new(Result.Rows.Count, Result.Rows.Select(r => new RegisterPupilDto(r.Id, r.Upn, r.Forename, r.Surname,
        r.YearGroup, r.Status.ToString(), r.PrimaryNeed, r.SecondaryNeed, r.Eal, r.LookedAfter, r.PupilPremium)).ToList());
}
