// HTML validation for every built page (tests/build/build.test.ts, npm run validate:html).
// The recommended preset, less five rules that are style preferences rather
// than HTML conformance, each switched off for the reason given, and one relaxed.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Phone numbers are shown exactly as writers configure them in contact.yaml.
    'tel-non-breaking': 'off',
    // role="list" on lists styled without bullets is deliberate: Safari and VoiceOver drop list semantics otherwise.
    'no-redundant-role': 'off',
    // <input/> and <input> are both valid; MDX emits the first.
    'void-style': 'off',
    // Page titles are the article title plus the site name; length is an SEO preference.
    'long-title': 'off',
    // role="region" on a scrollable table wrapper and role="note" on callouts are valid ARIA, as GOV.UK uses them.
    'prefer-native-element': 'off',
    // The search results list is named "Results" (allowed by ARIA) so it can be found in a screen reader's list of lists.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
};
