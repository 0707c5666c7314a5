import { CliError } from './cli-context.js';

/**
 * Reads a password without it ever appearing on the command line, where `ps` and the shell
 * history would show it: from standard input (`--password-stdin`, a hidden prompt on a
 * terminal) or from an environment variable.
 */
export async function readPassword(options: { fromStdin: boolean; envVar: string; prompt: string }): Promise<string> {
  if (options.fromStdin) {
    return process.stdin.isTTY ? promptHidden(options.prompt) : stripFinalNewline(await readAll(process.stdin));
  }
  const fromEnv = process.env[options.envVar];
  if (fromEnv) return fromEnv;
  throw new CliError(
    `Give the password on standard input with --password-stdin, or in the ${options.envVar} environment variable.\n` +
      'It is never taken from the command line, where other users of the machine could read it.',
    64,
  );
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A prompt that does not echo what is typed. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new CliError('Cancelled.', 130));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
