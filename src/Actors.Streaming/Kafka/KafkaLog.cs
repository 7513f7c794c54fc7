using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Actors.Streaming.Kafka;

/// <summary>Routes librdkafka's own log and error callbacks into the silo's logging instead of standard error.</summary>
internal static class KafkaLog
{
    public static void Write(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        logger.Log(level, "librdkafka {Client} {Facility}: {Message}", message.Name, message.Facility, message.Message);
    }

    public static void Error(ILogger logger, Error error) =>
        logger.Log(error.IsFatal ? LogLevel.Error : LogLevel.Warning, "librdkafka error {Code}: {Reason}", error.Code, error.Reason);
}
