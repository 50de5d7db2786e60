namespace CdsHooks.Protocol.Tests;

/// <summary>Loads the spec example messages copied into <c>Golden/</c>.</summary>
internal static class GoldenFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json");

    public static string ReadText(string name) => File.ReadAllText(Path(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(Path(name));
}
