using System.CommandLine;
using Actors.Client.Security;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors token issue --tenant T --scopes "read billing:write" --ttl 1h (--key-file F | --key BASE64)</c>: prints a
/// signed development token for the gateway (or, with <c>--json</c>, the token and its claims). Needs no cluster.
/// </summary>
public sealed class TokenIssueCommand : Command
{
    private readonly Option<string> _tenant = new("--tenant") { Description = "The one tenant the token may touch.", Required = true };

    private readonly Option<string> _scopes = new("--scopes")
    {
        Description = "Space-separated scopes: read, billing:write, inventory:write, security:write.",
        Required = true,
    };

    private readonly Option<TimeSpan> _ttl = new("--ttl")
    {
        Description = "Lifetime, e.g. 15m, 1h, 7d (default 1h).",
        DefaultValueFactory = _ => TimeSpan.FromHours(1),
        CustomParser = TokenLifetime.Parse,
    };

    private readonly Option<string?> _keyFile = new("--key-file") { Description = "File holding the base64 HS256 signing key." };

    private readonly Option<string?> _key = new("--key") { Description = "The base64 HS256 signing key (prefer --key-file: arguments show up in process lists)." };

    private readonly Option<string> _keyId = new("--key-id")
    {
        Description = $"Id of the signing key, as configured in the gateway (default {DevelopmentTokens.DefaultKeyId}).",
        DefaultValueFactory = _ => DevelopmentTokens.DefaultKeyId,
    };

    private readonly Option<string> _issuer = new("--issuer")
    {
        Description = $"The iss claim (default {DevelopmentTokens.DefaultIssuer}).",
        DefaultValueFactory = _ => DevelopmentTokens.DefaultIssuer,
    };

    private readonly Option<string> _audience = new("--audience")
    {
        Description = $"The aud claim (default {DevelopmentTokens.DefaultAudience}).",
        DefaultValueFactory = _ => DevelopmentTokens.DefaultAudience,
    };

    private readonly Option<string?> _subject = new("--subject") { Description = "The sub claim, the client the gateway rate-limits (default dev:TENANT)." };

    public TokenIssueCommand(CommandRunner runner)
        : base("issue", "Print a signed development bearer token for the gateway, e.g. 'actors token issue --tenant acme --scopes \"read billing:write\" --key-file dev.key'.")
    {
        Options.Add(_tenant);
        Options.Add(_scopes);
        Options.Add(_ttl);
        Options.Add(_keyFile);
        Options.Add(_key);
        Options.Add(_keyId);
        Options.Add(_issuer);
        Options.Add(_audience);
        Options.Add(_subject);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var key = await ReadKeyAsync(parse.GetValue(_keyFile), parse.GetValue(_key), cancellationToken);
        var tenant = parse.GetRequiredValue(_tenant);
        var scopes = parse.GetRequiredValue(_scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ttl = parse.GetValue(_ttl);
        var now = DateTimeOffset.UtcNow;
        string token;
        try
        {
            token = DevelopmentTokens.Issue(tenant, scopes, ttl, key, parse.GetRequiredValue(_keyId), parse.GetRequiredValue(_issuer),
                parse.GetRequiredValue(_audience), parse.GetValue(_subject), now);
        }
        catch (ArgumentException invalid)
        {
            throw new CliUsageException(invalid.Message, invalid);
        }

        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(new
            {
                token,
                tenant,
                scopes,
                keyId = parse.GetRequiredValue(_keyId),
                issuer = parse.GetRequiredValue(_issuer),
                audience = parse.GetRequiredValue(_audience),
                expiresAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + (long)Math.Ceiling(ttl.TotalSeconds)),
            });
        }
        else
        {
            scope.Output.WriteLine(token);
        }
        return ExitCodes.Ok;
    }

    private static async Task<byte[]> ReadKeyAsync(string? keyFile, string? key, CancellationToken cancellationToken)
    {
        if ((keyFile is null) == (key is null))
        {
            throw new CliUsageException("give the signing key with exactly one of --key-file or --key.");
        }
        var text = key;
        if (keyFile is not null)
        {
            try
            {
                text = await File.ReadAllTextAsync(keyFile, cancellationToken);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"cannot read key file '{keyFile}': {failure.Message}", failure);
            }
        }
        try
        {
            return Convert.FromBase64String(text!.Trim());
        }
        catch (FormatException notBase64)
        {
            throw new CliUsageException($"the signing key{(keyFile is null ? "" : $" in '{keyFile}'")} is not base64.", notBase64);
        }
    }
}
