using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Api.Infrastructure;

/// <summary>Opens a tenant-scoped transaction for the caller; handlers never see another tenant's rows.</summary>
public sealed class TenantDb(NpgsqlDataSource dataSource)
{
    public Task<TenantScope> BeginAsync(Caller caller, CancellationToken ct) => TenantScope.BeginAsync(dataSource, caller.TenantId, ct);
}
