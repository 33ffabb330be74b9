using AiGovernance.Api.Infrastructure;
using AiGovernance.Worker;

var builder = WebApplication.CreateBuilder(args);
builder.AddGovernanceApi();
builder.AddGovernanceWorker();

var app = builder.Build();
app.UseGovernanceApi();
app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
