// Stylelint for static/css: the standard rules, less the layout ones that the
// compact style of these files does not follow. `make lint` and `make test` run it.
export default {
  extends: ["stylelint-config-standard"],
  ignoreFiles: ["node_modules/**", "staticfiles/**", ".venv/**", "test-artifacts/**"],
  rules: {
    // Short rules stay on one line, groups of them without blank lines between,
    // and a comment sits next to what it explains.
    "declaration-block-single-line-max-declarations": null,
    "rule-empty-line-before": null,
    "at-rule-empty-line-before": null,
    "comment-empty-line-before": null,
    // Each section reads top-down (base, then states and breakpoints); sorting
    // every selector by specificity across sections would scatter them.
    "no-descending-specificity": null,
    // `(min-width: 48rem)` rather than `(width >= 48rem)`: older Safari (before
    // 16.4) reads only the first, and every breakpoint is written that way.
    "media-feature-range-notation": "prefix",
    // The legacy aliases stand after the modern property, as fallbacks for
    // older browsers (print.css; the visually-hidden helper in portal.css).
    "property-no-deprecated": [true, { ignoreProperties: ["clip", "page-break-after", "page-break-inside"] }],
    // The grid shorthand would also reset grid-template-areas.
    "declaration-block-no-redundant-longhand-properties": [true, { ignoreShorthands: ["grid-template"] }],
    // Font family names keep their spelling.
    "value-keyword-case": ["lower", { ignoreProperties: ["/^--font/"] }],
  },
};
