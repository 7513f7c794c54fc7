using Actors.Domain.Detection;
using Actors.Grains.Detection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actors.Hosting;

/// <summary>
/// Detection's part of the silo: its settings (validated before the silo starts), the rules read from
/// <see cref="DetectionOptions.RulesFile"/> at start-up, and where detectors publish their alerts.
/// </summary>
internal static class DetectionHosting
{
    public static void AddActorsDetection(this IServiceCollection services, ActorsSiloOptions options)
    {
        var settings = options.Detection;
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(nameof(DetectionOptions), typeof(DetectionOptions), problems);
        }
        services.AddSingleton(Options.Create(settings));
        // Read now, while the silo is being composed: a malformed rule stops the start with the file and field named,
        // instead of a detector silently never firing.
        services.AddSingleton(LoadRules(settings.RulesFile));
        // TryAdd: a host (a test) may register its own publisher before AddActors; see IAlertPublisher.
        services.TryAddSingleton<IAlertPublisher, IngressAlertPublisher>();
    }

    /// <summary>
    /// Reads the rules file: an absolute path as is; a relative one from the working directory, else from the application's
    /// folder, like the fulfillment network. A missing file leaves the detectors without rules (logged once); a malformed
    /// one throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">when the file is malformed; the message names the file and the field.</exception>
    internal static ConfiguredDetectionRules LoadRules(string configured)
    {
        var candidates = (Path.IsPathRooted(configured)
            ? new[] { Path.GetFullPath(configured) }
            : [Path.GetFullPath(configured), Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured))]).Distinct(StringComparer.Ordinal).ToList();
        var file = candidates.FirstOrDefault(File.Exists);
        if (file is null)
        {
            return ConfiguredDetectionRules.Missing(configured,
                $"no detection rules file: '{configured}' exists neither at {string.Join(" nor at ", candidates)}; set Actors:Detection:RulesFile.");
        }
        try
        {
            return ConfiguredDetectionRules.Loaded(DetectionRulesJson.Parse(File.ReadAllText(file)), file);
        }
        catch (DetectionRuleFormatException invalid)
        {
            throw new InvalidOperationException($"detection rules file {file} is invalid: {invalid.Message}", invalid);
        }
    }
}
