// ESLint for static/js: classic browser scripts (no modules, no build step),
// each wrapped in its own function. `make lint` and `make test` run it.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "staticfiles/", ".venv/", "test-artifacts/"] },
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { args: "after-used" }],
    },
  },
  {
    // The admin's scripts run on Wagtail's pages, which load jQuery.
    files: ["static/js/admin-*.js"],
    languageOptions: { globals: { $: "readonly", jQuery: "readonly" } },
  },
];
