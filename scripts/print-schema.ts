import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaSdl } from '../src/schema/print.js';

/** Writes the subgraph SDL to schema.graphql; codegen then validates and re-prints it. */
const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, printSchemaSdl());
process.stdout.write(`wrote ${target}\n`);
