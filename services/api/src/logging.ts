import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

/**
 * The process's logger: JSON lines (one object a line, `level` as a word, ISO
 * times) for a log collector, or pino-pretty's coloured single lines in a
 * terminal, as LOG_FORMAT says. Writes are synchronous, so the line that
 * explains an exit is written before the process ends.
 *
 * Log what an operator needs to follow a request or an incident, never what
 * a user typed: no GraphQL variables, no names (issue 14).
 */
export function createLogger(config: Pick<Config, 'log'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.log.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (config.log.format === 'json') return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
  return pino(
    options,
    pretty({
      destination: destination ?? 1,
      sync: true,
      colorize: destination === undefined && process.stdout.isTTY,
      singleLine: true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss.l',
    }),
  );
}

/** The plain `log(message)` the platform and the projector take, as info lines of a logger. */
export function logLines(logger: Logger): (message: string) => void {
  return (message) => logger.info(message);
}
