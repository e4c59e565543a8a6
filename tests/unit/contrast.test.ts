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
    assert.deepEqual(failures.map((f) => `${f.theme}.${f.field}`), ['light.accent']);
  });
});
