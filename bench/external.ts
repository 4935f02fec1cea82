/**
 * Scenarios owned by other parts (redline, permission checks, editor typing): each lives in its own
 * `bench/<name>.ts` exporting `bench<Name>()`, loaded only when the file exists so that this harness
 * runs before they land.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The scenarios provided by other files, with their module and export names. */
export const EXTERNAL_SCENARIOS = {
  redline: { file: 'redline.ts', exportName: 'benchRedline' },
  permissions: { file: 'permissions.ts', exportName: 'benchPermissions' },
  typing: { file: 'typing.ts', exportName: 'benchTyping' },
} as const;

/** One of the external scenario names. */
export type ExternalScenario = keyof typeof EXTERNAL_SCENARIOS;

/** An external scenario's outcome: its own result object, or why it was skipped. */
export type ExternalResult = { status: 'ran'; result: unknown } | { status: 'skipped'; note: string };

/** Run `bench<Name>({ quick })` from `bench/<name>.ts` if that file exists. */
export async function runExternal(name: ExternalScenario, options: { quick: boolean }): Promise<ExternalResult> {
  const { file, exportName } = EXTERNAL_SCENARIOS[name];
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (!existsSync(path)) return { status: 'skipped', note: `bench/${file} does not exist yet` };
  const module: Record<string, unknown> = await import(path);
  const run = module[exportName];
  if (typeof run !== 'function') return { status: 'skipped', note: `bench/${file} does not export ${exportName}()` };
  return { status: 'ran', result: await run(options) };
}
