// ESLint: TypeScript's recommended rules, the rules of hooks, Next.js's own rules; formatting is
// Prettier's business (eslint-config-prettier turns off the rules that would disagree with it).
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "bench/.data/**",
      "bench/.build/**", // bundles the form benchmarks write
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
      "public/sw.js",
      "public/sw.js.map",
      "public/swe-worker-*.js",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
    settings: { next: { rootDir: "." } },
  },
  {
    // Playwright's fixtures hand over with a function named `use`, which is not React's; tests read
    // JSON of any shape.
    files: ["e2e/**", "**/*.test.ts", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // A promise nobody awaits is a bug here: a service's query or write that runs after its
    // transaction, or an `if (check(db))` that is always true. These rules need the types.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  prettier,
);
