import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // examples/ are separate projects with their own tsconfig and generated types.
  { ignores: ['dist/', 'generated/', 'node_modules/', 'coverage/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Pothos plugins register themselves by merging into the global PothosSchemaTypes namespace.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // Abort reasons (typed any) and caught errors are passed on unchanged, as the caller gave them.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    files: ['src/plugins/**/*.ts'],
    // yoga hands hooks bound functions (endResponse, fetchAPI, ...) and its docs destructure them.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['src/sandbox/**/*.ts'],
    // The simulators coerce loosely typed client JSON with String(), as the providers they imitate do.
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    // vitest types its asymmetric matchers (expect.any, expect.stringMatching, ...) as any.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
