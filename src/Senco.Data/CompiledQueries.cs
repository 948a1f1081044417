using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Senco.Data;

/// <summary>
/// An EF Core compiled query for the few queries that run on every request (who is asking, is the register still
/// current). A compiled query skips the expression-tree walk and cache look-up EF does for each LINQ query, which the
/// benchmark's profile showed costing more CPU than the query itself. EF binds a compiled query to the database
/// provider of the first context it runs on; Senco has two, so the query is compiled once per context type.
/// </summary>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile) where TDelegate : class
{
    private readonly ConcurrentDictionary<Type, TDelegate> byContextType = new();

    public TDelegate For(DbContext db) => byContextType.GetOrAdd(db.GetType(), static (_, c) => c(), compile);
}
