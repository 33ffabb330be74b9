using AiGovernance.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Me;

public static class MeApi
{
    public sealed record MeView(string UserId, Guid TenantId, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithName("Me").WithTags("Identity");
        return api;
    }

    public static Ok<MeView> Me(HttpContext http)
    {
        var c = Caller.From(http.User);
        return TypedResults.Ok(new MeView(c.UserId, c.TenantId, c.Roles.Order().ToList()));
    }
}
