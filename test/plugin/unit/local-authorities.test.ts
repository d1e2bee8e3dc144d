/**
 * The list of English local authorities an editor chooses councils from
 * (plugin/shared/local-authorities.ts): its shape, and the entries reorganisations changed.
 */
import { describe, expect, it } from 'vitest';
import { ENGLISH_LOCAL_AUTHORITIES, GSS_CODE } from '../../../plugin/shared/local-authorities';

const codes = ENGLISH_LOCAL_AUTHORITIES.map((authority) => authority.gssCode);
const byCode = new Map(ENGLISH_LOCAL_AUTHORITIES.map((authority) => [authority.gssCode, authority.name]));

describe('the English local authorities with children\'s services', () => {
  it('are 153, each once, by name and by code', () => {
    expect(ENGLISH_LOCAL_AUTHORITIES).toHaveLength(153);
    expect(new Set(codes).size).toBe(153);
    expect(new Set(ENGLISH_LOCAL_AUTHORITIES.map((authority) => authority.name)).size).toBe(153);
  });

  it('are 63 unitary authorities, 36 metropolitan districts, 33 London boroughs with the City, and 21 counties, by well-formed codes', () => {
    for (const code of codes) expect(code).toMatch(GSS_CODE);
    const counts: Record<string, number> = {};
    for (const code of codes) {
      const kind = /^E(06|08|09|10)0000\d\d$/.test(code) ? code.slice(0, 3) : code;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    expect(counts).toEqual({ E06: 63, E08: 36, E09: 33, E10: 21 });
  });

  it('name the authorities reorganisations made by their new codes', () => {
    expect(Object.fromEntries(['E06000058', 'E06000060', 'E06000061', 'E06000062', 'E06000063', 'E06000064', 'E06000065', 'E06000066', 'E08000038', 'E08000039'].map((code) => [code, byCode.get(code)]))).toEqual({
      E06000058: 'Bournemouth, Christchurch and Poole',
      E06000060: 'Buckinghamshire',
      E06000061: 'North Northamptonshire',
      E06000062: 'West Northamptonshire',
      E06000063: 'Cumberland',
      E06000064: 'Westmorland and Furness',
      E06000065: 'North Yorkshire',
      E06000066: 'Somerset',
      E08000038: 'Barnsley',
      E08000039: 'Sheffield',
    });
  });

  it('list no code a reorganisation retired', () => {
    // Bournemouth, Poole, Northumberland's and Gateshead's before 2013, Buckinghamshire, Cumbria,
    // Dorset, Northamptonshire, North Yorkshire and Somerset county councils, Barnsley's and Sheffield's before 2025.
    const retired = ['E06000028', 'E06000029', 'E06000048', 'E08000020', 'E10000002', 'E10000006', 'E10000009', 'E10000021', 'E10000023', 'E10000027', 'E08000016', 'E08000019'];
    expect(retired.filter((code) => byCode.has(code))).toEqual([]);
  });

  it('write names as the ONS register does', () => {
    expect(byCode.get('E09000001')).toBe('City of London');
    expect(byCode.get('E09000007')).toBe('Camden');
    expect(byCode.get('E06000053')).toBe('Isles of Scilly');
    expect(byCode.get('E06000010')).toBe('Kingston upon Hull, City of');
    expect(byCode.get('E08000013')).toBe('St. Helens');
    expect(byCode.get('E10000034')).toBe('Worcestershire');
  });
});
