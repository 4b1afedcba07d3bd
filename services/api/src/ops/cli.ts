import { OperationError } from './manifest.js';

/**
 * Runs a command-line tool: any failure ends it with one line on stderr and
 * exit code 1. An unexpected failure is a bug: DEBUG=1 shows its stack.
 */
export async function runCli(command: string, usage: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    let line: string;
    if (error instanceof OperationError) line = error.message;
    else if (code.startsWith('ERR_PARSE_ARGS')) line = `${(error as Error).message}. Usage: ${usage}`;
    else {
      line = `${command} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    }
    process.stderr.write(`${line}\n`);
    process.exitCode = 1;
  }
}
