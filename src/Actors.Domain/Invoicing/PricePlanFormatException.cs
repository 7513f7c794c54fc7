namespace Actors.Domain.Invoicing;

/// <summary>A price plan (usually a file in <c>cluster-config/pricing/</c>) is malformed; the message names the bad field.</summary>
public sealed class PricePlanFormatException : FormatException
{
    /// <summary>An error about <paramref name="field"/> (a JSON path such as <c>meters.storage.tiers[1].upTo</c>).</summary>
    public PricePlanFormatException(string field, string problem, Exception? innerException = null)
        : base(field.Length == 0 ? problem : $"{field}: {problem}", innerException)
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The path of the bad field; empty when the problem is the document as a whole.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>The same problem, with the field placed under <paramref name="parent"/> (e.g. a meter inside <c>meters</c>).</summary>
    public PricePlanFormatException Within(string parent) =>
        new(Field.Length == 0 ? parent : Field.StartsWith('[') ? parent + Field : $"{parent}.{Field}", Problem, this);
}
