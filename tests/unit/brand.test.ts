import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultShortName, initialIconSvg, initialOf } from '../../src/shared/brand.ts';

describe('brand', () => {
  test('the short name is the name when short, else the name without a generic ending, never just its first word', () => {
    assert.equal(defaultShortName('Acme Help'), 'Acme Help');
    assert.equal(defaultShortName('Larkspur Bikes Help'), 'Larkspur Bikes');
    assert.equal(defaultShortName('Northwind Traders Help Center'), 'Northwind Traders');
    assert.equal(defaultShortName('Contoso Pharmaceuticals Support'), 'Contoso Pharmaceuticals');
    assert.equal(defaultShortName('Royal Borough of Kensington'), 'Royal Borough of Kensington');
  });

  test('the initial is the first letter, in the language of the name', () => {
    assert.equal(initialOf('larkspur'), 'L');
    assert.equal(initialOf('  “quoted” name'), 'Q');
    assert.equal(initialOf('istanbul', 'tr'), 'İ');
    assert.equal(initialOf('مساعدة'), 'م');
  });

  test('the initial icon uses the brand colours and escapes what it writes', () => {
    const svg = initialIconSvg({ initial: '<', accent: '#0b5d3b', accentText: '#ffffff' });
    assert.match(svg, /fill="#0b5d3b"/);
    assert.match(svg, /&#60;<\/text>/);
    assert.match(initialIconSvg({ initial: 'L', accent: '#000', accentText: '#fff', maskable: true }), /rx="0"/);
  });
});
