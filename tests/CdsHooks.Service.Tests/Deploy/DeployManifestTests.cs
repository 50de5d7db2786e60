using System.Net;
using CdsHooks.Service.Security;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;
using static CdsHooks.Service.Tests.Deploy.Manifests;

namespace CdsHooks.Service.Tests.Deploy;

/// <summary>
/// deploy/ checked structurally, since no container engine runs here: every manifest parses, probes point at
/// endpoints the real host serves, ports agree from the Dockerfile to the Service, selectors select the pods, and
/// every ConfigMap and Secret referenced is defined (the client registry in the ConfigMap passes the startup checks).
/// </summary>
public sealed class DeployManifestTests
{
    private const string AppName = "cdshooks";

    private static YamlMappingNode Deployment => Get("Deployment", AppName);

    private static YamlNode Container => Items(Deployment, "spec", "template", "spec", "containers").Single();

    private static Dictionary<string, string> PodLabels => Map(Deployment, "spec", "template", "metadata", "labels");

    [Fact]
    public void Kustomization_ListsEveryManifestButTheExampleSecret()
    {
        var listed = Items(OfKind("Kustomization").Single(), "resources").Select(r => ((YamlScalarNode)r).Value).ToHashSet();
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f is not ("kustomization.yaml" or "secret.example.yaml"));

        Assert.Equal(files.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Probes_PointAtEndpointsTheHostServes()
    {
        var probes = new[] { "startupProbe", "livenessProbe", "readinessProbe" }
            .Select(p => (Probe: p, Path: Text(Container, p, "httpGet", "path"), Port: Text(Container, p, "httpGet", "port")))
            .ToList();
        using var app = new CdsHooksApp();
        using var client = app.CreateClient();

        foreach (var (probe, path, port) in probes)
        {
            Assert.True(path is not null, $"{probe} has no httpGet path");
            Assert.Equal("http", port);
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe} {path} answered {(int)response.StatusCode}");
        }

        Assert.Equal("/health/ready", Text(Container, "readinessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Ports_AgreeFromDockerfileToService()
    {
        string dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile"));
        var port = Items(Container, "ports").Single();

        Assert.Equal("http", Text(port, "name"));
        Assert.Equal("8080", Text(port, "containerPort"));
        Assert.Contains("EXPOSE 8080", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", dockerfile, StringComparison.Ordinal);
        var service = Get("Service", AppName);
        Assert.Equal("http", Text(Items(service, "spec", "ports").Single(), "targetPort"));
        var ingress = Items(Get("NetworkPolicy", AppName), "spec", "ingress").Single();
        Assert.Equal("8080", Text(Items(ingress, "ports").Single(), "port"));
    }

    [Fact]
    public void Selectors_SelectTheDeploymentsPods()
    {
        Assert.Equal(Map(Deployment, "spec", "selector", "matchLabels"), PodLabels);
        Assert.Equal(Map(Get("Service", AppName), "spec", "selector"), PodLabels);
        Assert.Equal(Map(Get("PodDisruptionBudget", AppName), "spec", "selector", "matchLabels"), PodLabels);
        Assert.Equal(Map(Get("NetworkPolicy", AppName), "spec", "podSelector", "matchLabels"), PodLabels);
        var hpa = Get("HorizontalPodAutoscaler", AppName);
        Assert.Equal(("Deployment", AppName), (Text(hpa, "spec", "scaleTargetRef", "kind"), Text(hpa, "spec", "scaleTargetRef", "name")));
        Assert.True(int.Parse(Text(hpa, "spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2, "the HPA keeps at least two instances");
    }

    [Fact]
    public void Container_IsNonRootReadOnlyAndSized()
    {
        Assert.Equal("true", Text(Deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        Assert.Equal("true", Text(Container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(Container, "securityContext", "allowPrivilegeEscalation"));
        Assert.Contains(Items(Container, "volumeMounts"), m => Text(m, "mountPath") == "/tmp");
        Assert.NotNull(Text(Container, "resources", "requests", "cpu"));
        Assert.NotNull(Text(Container, "resources", "requests", "memory"));
        Assert.NotNull(Text(Container, "resources", "limits", "memory"));
    }

    [Fact]
    public void ConfigMapsAndSecrets_ReferencedAreDefined()
    {
        var configMaps = OfKind("ConfigMap").Select(d => Text(d, "metadata", "name")).ToHashSet();
        var secrets = OfKind("Secret").Select(d => Text(d, "metadata", "name")).ToHashSet();
        var envFrom = Items(Container, "envFrom").ToList();

        Assert.All(envFrom.Select(e => Text(e, "configMapRef", "name")).OfType<string>(), name => Assert.Contains(name, configMaps));
        Assert.All(envFrom.Select(e => Text(e, "secretRef", "name")).OfType<string>(), name => Assert.Contains(name, secrets));
        Assert.Contains(envFrom, e => Text(e, "secretRef", "name") == "cdshooks-secrets");
        var secretKeys = Map(Get("Secret", "cdshooks-secrets"), "stringData").Keys;
        Assert.Contains("Storage__ConnectionString", secretKeys);
        Assert.Contains("Audit__PatientHashKey", secretKeys);
        var mounted = Items(Deployment, "spec", "template", "spec", "volumes").Select(v => Text(v, "configMap", "name")).OfType<string>();
        Assert.All(mounted, name => Assert.Contains(name, configMaps));
    }

    [Fact]
    public void ConfigMap_ClientRegistry_PassesTheStartupChecks()
    {
        string json = Map(Get("ConfigMap", "cdshooks-config"), "data")["appsettings.Production.json"];
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var options = new CdsAuthenticationOptions();
        configuration.GetSection(CdsAuthenticationOptions.SectionName).Bind(options);

        var result = new CdsAuthenticationOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.NotEmpty(options.Clients);
        Assert.Equal("PostgreSql", Map(Get("ConfigMap", "cdshooks-config"), "data")["Storage__Provider"]);
    }

    [Fact]
    public void Dockerfile_IsMultiStageNonRootWithHealthCheck_AndPublishesAsCiDoes()
    {
        string dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile"));
        string testScript = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "test.sh"));

        Assert.Equal(2, dockerfile.Split('\n').Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", dockerfile, StringComparison.Ordinal);
        Assert.Contains("\"healthcheck\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/CdsHooks.Service -c Release -o", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/CdsHooks.Service -c Release -o", testScript, StringComparison.Ordinal);
    }
}
