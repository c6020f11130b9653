import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../../examples/frontend-codegen/', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

describe('the front-end codegen example', () => {
  it('generates typed Dashboard, CreateRecord and LiveQps operations whose scalars are strings and JSON objects, and they compile', async () => {
    await rm(`${example}src/gql`, { recursive: true, force: true });
    // The client preset validates each operation against the gateway's schema, and strictScalars fails on an unmapped scalar.
    await run(bin('graphql-codegen'), ['--config', 'codegen.ts'], { cwd: example });
    const generated = await readFile(`${example}src/gql/graphql.ts`, 'utf8');
    for (const operation of ['DashboardQuery', 'CreateRecordMutation', 'LiveQpsSubscription']) expect(generated).toContain(`export type ${operation} =`);
    expect(generated).not.toMatch(/: \{ input: any; output: any; \}|: \{ input: unknown; output: unknown; \}/);
    const compiled = await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: example }).then(
      () => '',
      (error: Error & { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(compiled).toBe('');
  }, 180_000);
});
