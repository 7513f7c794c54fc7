namespace Actors.Gateway.Validation;

/// <summary>A request the gateway refuses before anything reaches the cluster; answered as problem+json.</summary>
public sealed class GatewayRequestException : Exception
{
    /// <param name="status">The HTTP status (400, 403, 413, 415 …).</param>
    /// <param name="field">The offending field as a path, e.g. <c>events[3].seq</c>, when one field is to blame.</param>
    /// <param name="detail">What is wrong, for a person.</param>
    public GatewayRequestException(int status, string? field, string detail) : base(detail)
    {
        Status = status;
        Field = field;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The offending field, if one.</summary>
    public string? Field { get; }
}
