/**
 * `npm run emulator -- [--port 0] [--seed demo|test] [--clock real|manual] [--variant NAME=VALUE]...`: serves the emulator
 * until stopped, printing first a JSON line {"url","token","adminToken"} once it listens.
 * Defaults for a person trying it: demo seed, real-time clock.
 */
import { startEmulator } from './index';
import { applyVariants, defaultVariants, describeVariants } from './variants';

function parseArgs(argv: string[]): { port: number; seed: 'demo' | 'test'; clock: 'real' | 'manual'; variants: string[] } {
  const args = { port: 0, seed: 'demo' as 'demo' | 'test', clock: 'real' as 'real' | 'manual', variants: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (flag === '--port' && /^\d+$/.test(value ?? '')) args.port = Number(value);
    else if (flag === '--seed' && (value === 'demo' || value === 'test')) args.seed = value;
    else if (flag === '--clock' && (value === 'real' || value === 'manual')) args.clock = value;
    else if (flag === '--variant' && value !== undefined) args.variants.push(inline === undefined ? value : argv[i].slice('--variant='.length));
    else throw new Error(`Unknown or incomplete option "${argv[i - (inline === undefined ? 1 : 0)] ?? flag}". Use --port N, --seed demo|test, --clock real|manual, --variant NAME=VALUE (${describeVariants()}).`);
  }
  applyVariants(defaultVariants(), args.variants); // refuses a bad one before anything listens
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({ port: args.port, seed: args.seed, clock: args.clock, variants: args.variants });
  process.stdout.write(`${JSON.stringify({ url: emulator.url, token: emulator.token, adminToken: emulator.adminToken, variants: emulator.variants() })}\n`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${(error as Error).message}\n`);
  process.exit(1);
});
