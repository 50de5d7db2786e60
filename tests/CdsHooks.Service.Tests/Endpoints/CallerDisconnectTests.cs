using System.Net.Sockets;
using System.Text;
using CdsHooks.Service.Tests.Infrastructure;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary>
/// A caller that hangs up while sending its request (a load generator stopping, a browser tab closed) is not a fault
/// of the service: nothing is logged as an error, and the service goes on answering.
/// </summary>
public sealed class CallerDisconnectTests
{
    [Fact]
    public async Task A_body_cut_short_by_the_caller_logs_no_error_and_the_service_keeps_answering()
    {
        using var app = new CdsHooksApp();
        using var client = app.CreateClient();
        var server = client.BaseAddress!;

        for (int attempt = 0; attempt < 20; attempt++)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(server.Host, server.Port);
            var stream = socket.GetStream();
            string head = "POST /cds-services/refractory-patient-view HTTP/1.1\r\n"
                + $"Host: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                + """{"hook":"patient-view","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"p1"},"prefetch":{"patient":""";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(attempt * 5);
            if (attempt % 2 == 0)
            {
                socket.Client.LingerState = new LingerOption(true, 0); // a reset, as when a process is killed
            }
        }

        // The service answered every cut-short request's successor: it is still up and serving.
        using var discovery = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));
        Assert.True(discovery.IsSuccessStatusCode);

        // The cut-short requests reached the endpoint and were handled (logged as aborted or rejected); a reset can
        // also reach Kestrel before the request does, so not every attempt need show.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!app.Logs.Lines.Any(l => l.Contains("CdsHooks.Service.Errors", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        Assert.Contains(app.Logs.Lines, l => l.Contains("CdsHooks.Service.Errors", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(" Error ", StringComparison.Ordinal) || l.Contains(" Critical ", StringComparison.Ordinal));
    }
}
