// ESLint: `npm run lint` (with Prettier's check), `npm run format` (Prettier, then ESLint's fixes).
// TypeScript (src/, test/, the vitest configs) is linted with type information, from tsconfig.json
// through the project service; the plain JavaScript of scripts/, bench/ and the config files
// without it. Formatting is Prettier's alone (.prettierrc.json): no rule here is about layout.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'dist.next-*/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/', '.bench/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // TypeScript, type-checked.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Type-only imports say so. Type annotations of the form `import('pg').Pool` stay: they are
      // how the code names the types of modules it loads lazily (createRequire, dynamic import).
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // `const { id: _id, ...rest } = row` drops a property on purpose; `_` marks an unused binding.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },

  // Tests build their fixtures by hand and reach into results they have just checked: `!` after an
  // expect() and loosely typed JSON output (parsed CLI output, database rows) are fine there.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes of async interfaces (a scripted prompter, a store target) answer at once.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Plain JavaScript (scripts/, bench/, the config files): Node ES modules, no type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
);
