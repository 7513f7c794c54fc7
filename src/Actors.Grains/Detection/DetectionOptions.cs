namespace Actors.Grains.Detection;

/// <summary>Where the detectors' rules come from (configuration section <c>Actors:Detection</c>).</summary>
public sealed class DetectionOptions
{
    /// <summary>
    /// The detection rules file. A relative path is looked up in the working directory first, then in the application's
    /// folder (where a published silo keeps its copy of <c>cluster-config/</c>).
    /// </summary>
    public string RulesFile { get; set; } = "cluster-config/detection/rules.json";

    /// <summary>Every problem with the settings, as sentences; empty when valid.</summary>
    public IReadOnlyList<string> Problems() =>
        string.IsNullOrWhiteSpace(RulesFile) ? ["Actors:Detection:RulesFile must name the detection rules file."] : [];
}
