// ESLint over the program's sources, with typescript-eslint's type-checked recommendations.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A format's renderer is async because most load their module lazily; the rest are async to share the type.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
