using CdsHooks.Clinical.DependencyInjection;
using CdsHooks.Fhir.DependencyInjection;
using CdsHooks.Service.Demo;
using CdsHooks.Service.DemoPage;
using CdsHooks.Service.Endpoints;
using CdsHooks.Service.Feedback;
using CdsHooks.Service.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCdsHooksDefaults();
builder.Services.AddFhir(builder.Configuration);
builder.Services.AddClinical(builder.Configuration);
builder.Services.AddSingleton<DiscoveryDocument>();
builder.Services.AddFeedbackStore(builder.Configuration);
builder.Services.AddDemoFhir(builder.Configuration);
builder.Services.AddDemoPage();

var app = builder.Build();
app.UseCdsHooksDefaults();
app.UseDemoPage();
app.MapCdsHooks();
app.MapReadiness();
app.MapDemoFhir();
app.Run();

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
