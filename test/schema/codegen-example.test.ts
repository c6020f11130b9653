import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isScalarType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import exampleConfig from '../../examples/frontend-codegen/codegen.js';
import { buildSchema } from '../../src/schema/index.js';

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

  it('maps every custom scalar a running gateway introspects, in the example and in the README', async () => {
    const introspected = Object.values(buildSchema().getTypeMap())
      .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type))
      .map((type) => type.name);
    const output = Object.values(exampleConfig.generates)[0] as { config: { scalars: Record<string, string> } };
    expect(Object.keys(output.config.scalars).sort()).toEqual([...introspected].sort());
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = /strictScalars: true,\n\s*scalars: \{([\s\S]*?)\n\s*\},/.exec(readme)?.[1] ?? '';
    const inReadme = [...snippet.matchAll(/(\w+): '/g)].map((match) => match[1]);
    expect(inReadme.sort()).toEqual([...introspected].sort());
  });
});
