import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkThemeContrast, contrastRatio, nearestPassing } from '../../src/shared/contrast.ts';

describe('contrast', () => {
  test('matches the WCAG formula at its known points', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
    assert.equal(contrastRatio('#ffffff', '#ffffff').toFixed(2), '1.00');
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
    assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  });

  test('the nearest passing colour keeps the hue and passes on every background', () => {
    const fixed = nearestPassing('#7fb3ff', ['#ffffff', '#f4f5f7'], 4.5);
    assert.ok(contrastRatio(fixed, '#ffffff') >= 4.5 && contrastRatio(fixed, '#f4f5f7') >= 4.5);
    assert.ok(contrastRatio(nearestPassing('#7fb3ff', ['#ffffff'], 4.5), '#ffffff') < 4.7, 'no darker than needed');
    assert.equal(nearestPassing('#000000', ['#ffffff'], 4.5), '#000000');
  });

  test('the demo brand colours pass; a pale accent fails in light only', () => {
    assert.deepEqual(checkThemeContrast({ light: { accent: '#0b5d3b', accentText: '#ffffff' }, dark: { accent: '#7fd6ab', accentText: '#06261a' } }), []);
    const failures = checkThemeContrast({ light: { accent: '#7fb3ff', accentText: '#000000' }, dark: { accent: '#7fd6ab', accentText: '#06261a' } });
    // Black text passes on the pale accent, but not on the darker accent suggested for it: both are reported.
    assert.deepEqual(failures.map((f) => `${f.theme}.${f.field}`), ['light.accent', 'light.accentText']);
  });

  test('the suggested accent and accent text pass together (and the accent passes on every background)', () => {
    const cases = [
      { accent: '#7fb3ff', accentText: '#000000' },
      { accent: '#ffd400', accentText: '#000000' },
      { accent: '#e11d48', accentText: '#ffffff' },
      { accent: '#22c55e', accentText: '#ffffff' },
      { accent: '#888888', accentText: '#777777' },
      { accent: '#0b5d3b', accentText: '#0b5d3b' },
    ];
    for (const pair of cases) {
      const failures = checkThemeContrast({ light: pair, dark: { accent: '#7fd6ab', accentText: '#06261a' } });
      const suggested = (field: 'accent' | 'accentText') => failures.find((f) => f.theme === 'light' && f.field === field)?.suggestion ?? pair[field];
      const accent = suggested('accent');
      const text = suggested('accentText');
      for (const bg of ['#ffffff', '#f4f5f7']) assert.ok(contrastRatio(accent, bg) >= 4.5, `${JSON.stringify(pair)}: accent ${accent} on ${bg}`);
      assert.ok(contrastRatio(text, accent) >= 4.5, `${JSON.stringify(pair)}: text ${text} on accent ${accent} is ${contrastRatio(text, accent).toFixed(2)}:1`);
      // Applying the suggestions leaves nothing to fix.
      assert.deepEqual(checkThemeContrast({ light: { accent, accentText: text }, dark: { accent: '#7fd6ab', accentText: '#06261a' } }), []);
    }
  });

  test('the text suggestion says which accent it was chosen for', () => {
    const [accent, text] = checkThemeContrast({ light: { accent: '#7fb3ff', accentText: '#000000' }, dark: { accent: '#7fd6ab', accentText: '#06261a' } });
    assert.equal(text!.pairedWith, accent!.suggestion);
    assert.ok(contrastRatio(text!.suggestion, accent!.suggestion) >= 4.5);
  });

  test('with no passing mix of its hue, the fallback is whichever of black and white contrasts more', () => {
    // A mid-tone grey background: black gives about 7:1, white about 3:1.
    assert.equal(nearestPassing('#808080', ['#8a8a8a'], 7), '#000000');
  });
});
