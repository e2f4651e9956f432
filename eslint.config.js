// Lint rules: typescript-eslint's recommended set over everything we write.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'public/**', 'test/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  { files: ['src/server.ts', 'scripts/**', 'bench/**', 'fixtures/**', 'test/**'], rules: { 'no-console': 'off' } },
  {
    // Who may do what is decided in src/access/ alone (the role table, the scope, the token rules): anywhere else, a
    // comparison, switch or lookup on a `.role` is a second place deciding access.
    files: ['src/**/*.ts'],
    ignores: ['src/access/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'BinaryExpression > MemberExpression[property.name="role"]',
          'SwitchStatement > MemberExpression.discriminant[property.name="role"]',
          'CallExpression[callee.property.name="includes"] > MemberExpression.arguments[property.name="role"]',
          'ConditionalExpression > BinaryExpression.test MemberExpression[property.name="role"]',
        ].map((selector) => ({ selector, message: 'Access is decided in src/access/ only: ask the scope (or the token rules), not the role.' })),
      ],
    },
  },
);
