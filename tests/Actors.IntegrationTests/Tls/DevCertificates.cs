using System.Diagnostics;
using Actors.Testing;

namespace Actors.IntegrationTests.Tls;

/// <summary>
/// The certificates made by <c>cluster-config/scripts/make-dev-certs.sh</c>: the tests use the script users run, so a
/// certificate .NET cannot load or a missing key usage breaks a test instead of a first deployment.
/// </summary>
public sealed record DevCertificates(string Directory, string Password, string ScriptOutput)
{
    public static string Script => Path.Combine(RepositoryLayout.Root, "cluster-config", "scripts", "make-dev-certs.sh");

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string SiloPfx => Path.Combine(Directory, "silo.pfx");

    public string ClientPfx => Path.Combine(Directory, "client.pfx");

    /// <summary>Runs the script into <paramref name="directory"/>; fails with the script's output when it does not exit 0.</summary>
    public static async Task<DevCertificates> MakeAsync(string directory, string password, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(directory);
        start.Environment["ACTORS_TLS_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-dev-certs.sh exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
        return new DevCertificates(directory, password, await output);
    }

    /// <summary>Environment variables that turn on TLS in a cluster-profile silo process.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment() => new Dictionary<string, string>
    {
        ["Actors__Tls__CertificateFile"] = SiloPfx,
        ["Actors__Tls__CertificatePassword"] = Password,
        ["Actors__Tls__CaFile"] = CaFile,
    };
}
