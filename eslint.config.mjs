// ESLint (flat config): typescript-eslint's recommended rules, type-aware where a rule needs the types, plus the rules
// that catch what reviews found by hand. Layout is Prettier's (eslint-config-prettier turns off what it settles).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".gen/",
      "dist/",
      "cdktf.out/",
      "docs/api/",
      "coverage/",
      ".venv/",
      ".provider/",
      "node_modules/",
      "tools/cdktn/.gen/",
      "tools/cdktn/dist/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `a || b` turns an explicit false, 0 or "" into the default (STYLE.md): `??` says what is meant.
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignorePrimitives: { boolean: true, string: true } }],
      // A promise nobody awaits loses its failure: a command would exit 0 past an error.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The app, the review tools and the construct: what they print goes through a command's streams
    // (lib/shared/command.ts), and a plain object is never asked for a key it may inherit (toString, constructor).
    files: ["lib/**/*.ts"],
    ignores: ["lib/shared/command.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "stdout", message: "Print through the command's io (lib/shared/command.ts)." },
        { object: "process", property: "stderr", message: "Print through the command's io (lib/shared/command.ts)." },
        { object: "process", property: "exit", message: "Answer an exit code from the command (lib/shared/command.ts)." },
      ],
      "no-prototype-builtins": "error",
      "guard-for-in": "error",
    },
  },
  {
    // Tests read untyped JSON (plans, synthesized stacks), load modules afresh with require, and look for escape codes.
    files: ["__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off", "no-control-regex": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "writable",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        fetch: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
