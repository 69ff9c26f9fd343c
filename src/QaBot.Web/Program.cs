using QaBot.Ai;
using QaBot.Core.Hosting;
using QaBot.Web.Api;
using QaBot.Web.Bot;
using QaBot.Web.DirectLine;
using QaBot.Web.Hosting;

// The project root holds the one configuration file (appsettings.json) and the index.
var root = QaBotRoot.Find();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = root,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddRootConfiguration(root)
    .UseDefaultUrlsWhenUnset();   // --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, Kestrel:Endpoints win

builder.Services
    .AddQaBotCore(root)
    .AddQaBotModel(builder.Configuration)   // optional: only with an AIServices:ModelId
    .AddQaBotWebOptions()
    .AddQaBotTelemetry(builder.Configuration)   // traces and metrics; OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set
    .AddQaBotOpenApi()
    .AddQaBotBot()
    .AddQaBotDirectLine();

var app = builder.Build();
app.UseQaBotMiddleware();

app.MapChatPage();                                      // GET  /             Web Chat over the built-in Direct Line
app.MapBotMessages().LimitPerClient();                  // POST /api/messages the Bot Framework endpoint (Emulator, channels)
app.MapDirectLine().AllowEmbedding().LimitPerClient();  //      /v3/directline Direct Line 3.0, polling
app.MapAsk().AllowEmbedding().LimitPerClient();         // POST /api/ask       the reply contract as JSON
app.MapHealth();                                        // GET  /healthz       host, index and model readiness
app.MapOpenApi();                                       // GET  /openapi/v1.json the HTTP API described

app.Run();

/// <summary>The web host's entry point; public so tests can start it.</summary>
public partial class Program;
