using System.Text;

namespace Actors.Gateway.Tests;

/// <summary>
/// A seeded generator of malformed or hostile requests against the gateway. Every request is invalid by construction
/// (broken JSON, a wrong type or value, an unknown event type, an oversized body, a bad token, another tenant, a bad
/// path …), so none of them may write anything, and every answer must be a 4xx.
/// </summary>
public sealed class HostileRequests(int seed, string tenant, string account, string validToken, string readOnlyToken, string otherTenantToken, int maxBodyBytes)
{
    private static readonly string[] Kinds =
    [
        "truncated", "wrong type", "huge number", "unknown type", "unknown property", "missing field", "bad key", "bad timestamp",
        "not an array", "empty batch", "too many envelopes", "deep nesting", "random bytes", "invalid utf-8", "oversized",
        "bad token", "missing scope", "other tenant", "wrong content type", "bad path", "bad order", "duplicate property",
        "payload refused by the cluster", "lone surrogate", "header abuse",
    ];

    private static readonly string[] Fields = ["tenant", "entity", "source", "seq", "type", "occurredAt", "payload"];

    private readonly Random _random = new(seed);

    public HostileRequest Next()
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return kind switch
        {
            "truncated" => Events(kind, Truncate(Batch(_random.Next(1, 4)))),
            "wrong type" => WrongType(kind),
            "huge number" => Events(kind, Batch(Replace("seq", Pick(["1e400", "99999999999999999999999", "-1", "0", "1.5", "-9223372036854775809", "18446744073709551616"])))),
            "unknown type" => Events(kind, Batch(Replace("type", Json(Pick(["Usage", "paymentreceived", "DROP TABLE", "", " ", "PaymentReceived ", RandomText(12)]))))),
            "unknown property" => Events(kind, Batch(Good().Replace("{\"tenant\"", $"{{{Json(RandomText(6))}:1,\"tenant\""))),
            "missing field" => Events(kind, Batch(Remove(Pick(Fields)))),
            "bad key" => Events(kind, Batch(Replace(Pick(["tenant", "entity", "source"]), Json(Pick(["", "a b", "-x", "a/b", "ä", new string('x', 129), "x\u0000", "../etc"]))))),
            "bad timestamp" => Events(kind, Batch(Replace("occurredAt", Json(Pick(["2030-01-01T12:00:00", "yesterday", "2030-13-01T00:00:00Z", "", "0"]))))),
            "not an array" => Events(kind, Pick([Good(), "null", "42", "\"x\"", "true", "{}"])),
            "empty batch" => Events(kind, "[]"),
            "too many envelopes" => Events(kind, "[" + string.Join(",", Enumerable.Repeat("{}", 501)) + "]"),
            "deep nesting" => Events(kind, new string('[', 40 + _random.Next(2000)) + new string(']', _random.Next(10))),
            "random bytes" => Request(kind, HttpMethod.Post, "/v1/events", Bearer(validToken), "application/json", RandomBytes(_random.Next(1, 300))),
            "invalid utf-8" => Request(kind, HttpMethod.Post, "/v1/events", Bearer(validToken), "application/json",
                [.. Encoding.UTF8.GetBytes("[{\"tenant\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}]")]),
            "oversized" => Events(kind, "[" + string.Join(",", Enumerable.Repeat(Good(), maxBodyBytes / 150 + 1)) + "]"),
            "bad token" => Request(kind, HttpMethod.Post, "/v1/events", BadAuthorization(), "application/json", Utf8(Batch(Good()))),
            "missing scope" => Request(kind, HttpMethod.Post, "/v1/events", Bearer(readOnlyToken), "application/json", Utf8(Batch(Good()))),
            "other tenant" => Request(kind, HttpMethod.Post, "/v1/events", Bearer(otherTenantToken), "application/json", Utf8(Batch(Good()))),
            "wrong content type" => Request(kind, HttpMethod.Post, "/v1/events", Bearer(validToken),
                Pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png"]), Utf8(Batch(Good()))),
            "bad path" => BadPath(kind),
            "bad order" => Request(kind, HttpMethod.Post, "/v1/orders", Bearer(validToken), "application/json", Utf8(BadOrder())),
            "duplicate property" => Events(kind, Batch(Good().Replace("\"seq\":1,", "\"seq\":1,\"seq\":2,"))),
            "header abuse" => Request(kind, HttpMethod.Post, "/v1/events", Pick<string[]>(
                [
                    // Two credentials in one request: the gateway must not pick one and run with it.
                    [Bearer(validToken), Bearer(validToken)],
                    [Bearer(otherTenantToken), Bearer(validToken)],
                    [Bearer(validToken) + "," + Bearer(validToken)],
                    ["Bearer " + validToken + " extra"],
                    [Bearer(readOnlyToken), Bearer(validToken)],
                ]), "application/json", Utf8(Batch(Good()))),
            "lone surrogate" => Pick(
            [
                Events(kind, Batch(Replace(Pick(["tenant", "entity", "source", "type", "occurredAt"]), "\"a\\ud800\""))),
                Events(kind, Batch(Replace("payload", "{\"amountMinor\":5,\"currency\":\"\\udc00\"}"))),
                Events(kind, Batch(Replace("payload", "{\"\\ud800\":5}"))),
                Request(kind, HttpMethod.Post, "/v1/orders", Bearer(validToken), "application/json",
                    Utf8("{\"orderId\":\"o\\ud800\",\"region\":\"north\",\"promiseDays\":1,\"lines\":[{\"sku\":\"s\",\"quantity\":1}]}")),
            ]),
            "payload refused by the cluster" => Events(kind, Batch(Replace("payload", Pick(["{}", "{\"amountMinor\":\"x\",\"currency\":\"USD\"}", "{\"amountMinor\":-5,\"currency\":\"USD\"}", "{\"amountMinor\":5}"])))),
            _ => throw new InvalidOperationException($"no generator for '{kind}'"),
        };
    }

    // A payment the gateway would accept as is; every generator breaks it (or the request around it).
    private string Good() => Envelopes.Payment(tenant, account, 1);

    private static string Batch(string envelope) => "[" + envelope + "]";

    private string Batch(int count) => "[" + string.Join(",", Enumerable.Range(1, count).Select(i => Envelopes.Payment(tenant, account, i))) + "]";

    private string Replace(string field, string rawValue)
    {
        var good = Good();
        var start = good.IndexOf($"\"{field}\":", StringComparison.Ordinal) + field.Length + 3;
        var end = field == "payload" ? good.Length - 1 : good.IndexOf(field == "seq" ? ",\"type\"" : "\",", start, StringComparison.Ordinal) + (field == "seq" ? 0 : 1);
        return good[..start] + rawValue + good[end..];
    }

    private string Remove(string field)
    {
        var good = Good();
        var start = good.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        var end = field == "payload" ? good.Length - 1 : good.IndexOf(",\"", start + field.Length + 3, StringComparison.Ordinal) + 1;
        var removed = good[..start] + good[end..];
        return removed.Replace(",}", "}");
    }

    private string Truncate(string json) => json[..(_random.Next(json.Length - 1))];

    // Values that are wrong for the field they replace: never a usable string for the key fields, never an object for the payload.
    private HostileRequest WrongType(string kind)
    {
        var field = Pick(Fields);
        var value = field == "payload"
            ? Pick(["null", "true", "[]", "[1]", "12.5", "-3", "\"\"", "\"{}\""])
            : Pick(["null", "true", "[]", "{}", "[1]", "12.5", "-3", "\"\"", "{\"a\":{}}"]);
        return Events(kind, Batch(Replace(field, value)));
    }

    private string BadAuthorization() => Pick(
    [
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "bearer" + validToken,
        "Bearer " + validToken[..(validToken.Length - 2)],
        "Bearer " + validToken + "x",
        "Bearer " + validToken.Replace('.', '_'),
        "Bearer a.b.c",
        "Bearer ....",
        "Bearer " + new string('A', 20_000),
        "Bearer " + RandomText(64),
        "Digest " + RandomText(20),
        RandomText(30),
    ]);

    private HostileRequest BadPath(string kind)
    {
        var path = Pick(
        [
            "/v1/accounts/" + Uri.EscapeDataString(RandomText(8) + " ") + "/balance",
            "/v1/accounts/-bad/balance",
            "/v1/accounts/" + new string('a', 129) + "/balance",
            "/v1/accounts//balance",
            "/v1/stock/" + Uri.EscapeDataString("x@y"),
            "/v1/stock/sku?location=" + Uri.EscapeDataString("a b"),
            "/v1/stock/sku",
            "/v1/cases/%01%7F",
            "/v1/cases/" + Uri.EscapeDataString("a/b"),
            "/v1/unknown",
            "/v2/events",
            "/v1/events/" + RandomText(5),
            "/%2e%2e/%2e%2e/etc/passwd",
            "/v1/accounts/a/balance?tenant=someone-else",
            "/v1/" + new string('x', 3000),
        ]);
        var method = path.StartsWith("/v1/events", StringComparison.Ordinal) || path.StartsWith("/v1/unknown", StringComparison.Ordinal) || path.StartsWith("/v2", StringComparison.Ordinal)
            ? Pick([HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Post])
            : Pick([HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch]);
        return Request(kind, method, path, Bearer(validToken), method == HttpMethod.Get ? null : "application/json",
            method == HttpMethod.Get ? null : Utf8(Batch(Good())));
    }

    private string BadOrder() => Pick(
    [
        "{\"orderId\":\"o1\",\"region\":\"north\",\"promiseDays\":1,\"lines\":[{\"sku\":\"s\",\"quantity\":0}]}",
        "{\"orderId\":\"o1\",\"region\":\"north\",\"promiseDays\":1e99,\"lines\":[{\"sku\":\"s\",\"quantity\":1}]}",
        "{\"orderId\":\"o1\",\"region\":\"north\",\"promiseDays\":1,\"lines\":{}}",
        "{\"orderId\":\"o1\",\"region\":\"nowhere-" + RandomText(4) + "\",\"promiseDays\":-1,\"lines\":[{\"sku\":\"s\",\"quantity\":1}]}",
        "{\"orderId\":\"\",\"region\":\"north\",\"promiseDays\":1,\"lines\":[{\"sku\":\"s\",\"quantity\":1}]}",
        "[]",
        "{\"orderId\":\"o1\"",
        "{\"orderId\":\"o1\",\"region\":\"north\",\"promiseDays\":1,\"lines\":[{\"sku\":\"s\",\"quantity\":99999999999}]}",
        "{\"orderId\":\"o1\",\"region\":\"north\",\"promiseDays\":1,\"lines\":[" + string.Join(",", Enumerable.Repeat("{\"sku\":\"s\",\"quantity\":1}", 101)) + ",{\"sku\":\"s\",\"quantity\":0}]}",
    ]);

    private HostileRequest Events(string kind, string body) =>
        Request(kind, HttpMethod.Post, "/v1/events", Bearer(validToken), "application/json", Utf8(body));

    private HostileRequest Request(string kind, HttpMethod method, string path, string? authorization, string? contentType, byte[]? body) =>
        Request(kind, method, path, authorization is null ? [] : [authorization], contentType, body);

    private HostileRequest Request(string kind, HttpMethod method, string path, string[] authorization, string? contentType, byte[]? body)
    {
        var extra = new List<KeyValuePair<string, string>>();
        // Header abuse rides along on a fifth of the requests: noise that must change nothing.
        if (_random.Next(5) == 0)
        {
            extra.Add(new(Pick(["X-Forwarded-For", "X-Tenant", "Cookie", "X-Http-Method-Override", "Accept", "X-Request-Id"]), RandomText(_random.Next(1, 2000))));
        }
        return new HostileRequest(kind, method, path, authorization, contentType, body, extra);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    // Printable ASCII only: header values with control characters are refused by HttpClient before they are sent.
    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)_random.Next(0x21, 0x7F);
        }
        return new string(chars);
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];
}
