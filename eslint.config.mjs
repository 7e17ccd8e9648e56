// Lint: ESLint's recommended rules and typescript-eslint's type-aware ones over every TypeScript file; Prettier owns
// formatting (eslint-config-prettier turns off the rules it would fight with). Run with `npm run lint`.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const nodeGlobals = { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" };

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".data/**", "bench/tools/**", "bench/results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate (resolver signatures, omitting a key)
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // an inline disable must say why, on the same line
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-expect-error": "allow-with-description" }],
    },
  },
  {
    // Tests read GraphQL responses as untyped JSON and assert their exact shape and values; typing every response
    // would restate each assertion. Production code gets the full type-aware rules.
    files: ["**/*.test.ts", "**/*.e2e.ts", "test/support/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: "commonjs", globals: nodeGlobals },
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
