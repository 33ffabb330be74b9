using AiGovernance.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddGovernanceApi();

var app = builder.Build();
app.UseGovernanceApi();
app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
