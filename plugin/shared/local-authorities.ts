/**
 * The English local authorities with children's services duties (so a duty to publish a kinship
 * local offer): county councils (E10), unitary authorities (E06), metropolitan districts (E08) and
 * London boroughs with the City of London (E09), 153 in all. Codes are the Office for National
 * Statistics' GSS codes as they stand since 1 April 2025; names as the ONS register writes them.
 *
 * Source, checked name by name and code by code on 7 December 2026: the ONS's Local Authority
 * Districts (May 2024) names and codes (Open Geography Portal), for E06, E08 and E09; the
 * Department for Education's 153 local authorities in its Explore Education Statistics API (2025),
 * for the E10 counties and the count; the Barnsley and Sheffield (Boundary Change) Order 2024
 * (SI 2024/1328), for those two codes since 1 April 2025.
 *
 * Reorganisations this list follows, each with a new code where the old one is no longer listed:
 * Bournemouth, Christchurch and Poole (E06000058) and Dorset (E06000059) in 2019; Buckinghamshire
 * (E06000060, was county E10000002) in 2020; North and West Northamptonshire (E06000061, E06000062;
 * county E10000021) in 2021; Cumberland and Westmorland and Furness (E06000063, E06000064; county
 * E10000006), North Yorkshire (E06000065, was E10000023) and Somerset (E06000066, was E10000027) in
 * 2023; Barnsley (E08000038, was E08000016) and Sheffield (E08000039, was E08000019) in 2025, for a
 * small change of boundary (the Department for Education's statistics still use the earlier two).
 *
 * The admin offers these when an editor adds a council to an offer. A code not listed here (a new
 * authority after a reorganisation, a retired code an offer already carries, a fictional one in a
 * demo) can still be typed: the server checks only its form (validation/rules.ts `gssCode`).
 */
/** The form of a GSS area code: a country letter (E, N, S, W) and eight digits, e.g. "E09000033". */
export const GSS_CODE = /^[ENSW]\d{8}$/;
/** What an editor reads when a code is not of that form (beside the field, and from the API). */
export const GSS_CODE_PROBLEM = 'Enter the council\'s 9-character GSS code, like E09000033';

export interface LocalAuthority {
  /** GSS code, e.g. "E09000033". */
  gssCode: string;
  name: string;
}

const named = (prefix: string, names: Record<number, string>): LocalAuthority[] =>
  Object.entries(names).map(([number, name]) => ({ gssCode: `${prefix}${String(number).padStart(6, '0')}`, name }));

export const ENGLISH_LOCAL_AUTHORITIES: readonly LocalAuthority[] = [
  ...named('E06', {
    1: 'Hartlepool', 2: 'Middlesbrough', 3: 'Redcar and Cleveland', 4: 'Stockton-on-Tees', 5: 'Darlington', 6: 'Halton',
    7: 'Warrington', 8: 'Blackburn with Darwen', 9: 'Blackpool', 10: 'Kingston upon Hull, City of', 11: 'East Riding of Yorkshire',
    12: 'North East Lincolnshire', 13: 'North Lincolnshire', 14: 'York', 15: 'Derby', 16: 'Leicester', 17: 'Rutland',
    18: 'Nottingham', 19: 'Herefordshire, County of', 20: 'Telford and Wrekin', 21: 'Stoke-on-Trent',
    22: 'Bath and North East Somerset', 23: 'Bristol, City of', 24: 'North Somerset', 25: 'South Gloucestershire',
    26: 'Plymouth', 27: 'Torbay', 30: 'Swindon', 31: 'Peterborough', 32: 'Luton', 33: 'Southend-on-Sea', 34: 'Thurrock',
    35: 'Medway', 36: 'Bracknell Forest', 37: 'West Berkshire', 38: 'Reading', 39: 'Slough', 40: 'Windsor and Maidenhead',
    41: 'Wokingham', 42: 'Milton Keynes', 43: 'Brighton and Hove', 44: 'Portsmouth', 45: 'Southampton', 46: 'Isle of Wight',
    47: 'County Durham', 49: 'Cheshire East', 50: 'Cheshire West and Chester', 51: 'Shropshire', 52: 'Cornwall',
    53: 'Isles of Scilly', 54: 'Wiltshire', 55: 'Bedford', 56: 'Central Bedfordshire', 57: 'Northumberland',
    58: 'Bournemouth, Christchurch and Poole', 59: 'Dorset', 60: 'Buckinghamshire', 61: 'North Northamptonshire',
    62: 'West Northamptonshire', 63: 'Cumberland', 64: 'Westmorland and Furness', 65: 'North Yorkshire', 66: 'Somerset',
  }),
  ...named('E08', {
    1: 'Bolton', 2: 'Bury', 3: 'Manchester', 4: 'Oldham', 5: 'Rochdale', 6: 'Salford', 7: 'Stockport', 8: 'Tameside',
    9: 'Trafford', 10: 'Wigan', 11: 'Knowsley', 12: 'Liverpool', 13: 'St. Helens', 14: 'Sefton', 15: 'Wirral',
    17: 'Doncaster', 18: 'Rotherham', 21: 'Newcastle upon Tyne', 22: 'North Tyneside',
    23: 'South Tyneside', 24: 'Sunderland', 25: 'Birmingham', 26: 'Coventry', 27: 'Dudley', 28: 'Sandwell', 29: 'Solihull',
    30: 'Walsall', 31: 'Wolverhampton', 32: 'Bradford', 33: 'Calderdale', 34: 'Kirklees', 35: 'Leeds', 36: 'Wakefield',
    37: 'Gateshead', 38: 'Barnsley', 39: 'Sheffield',
  }),
  ...named('E09', {
    1: 'City of London', 2: 'Barking and Dagenham', 3: 'Barnet', 4: 'Bexley', 5: 'Brent', 6: 'Bromley', 7: 'Camden',
    8: 'Croydon', 9: 'Ealing', 10: 'Enfield', 11: 'Greenwich', 12: 'Hackney', 13: 'Hammersmith and Fulham', 14: 'Haringey',
    15: 'Harrow', 16: 'Havering', 17: 'Hillingdon', 18: 'Hounslow', 19: 'Islington', 20: 'Kensington and Chelsea',
    21: 'Kingston upon Thames', 22: 'Lambeth', 23: 'Lewisham', 24: 'Merton', 25: 'Newham', 26: 'Redbridge',
    27: 'Richmond upon Thames', 28: 'Southwark', 29: 'Sutton', 30: 'Tower Hamlets', 31: 'Waltham Forest', 32: 'Wandsworth',
    33: 'Westminster',
  }),
  ...named('E10', {
    3: 'Cambridgeshire', 7: 'Derbyshire', 8: 'Devon', 11: 'East Sussex', 12: 'Essex', 13: 'Gloucestershire', 14: 'Hampshire',
    15: 'Hertfordshire', 16: 'Kent', 17: 'Lancashire', 18: 'Leicestershire', 19: 'Lincolnshire', 20: 'Norfolk',
    24: 'Nottinghamshire', 25: 'Oxfordshire', 28: 'Staffordshire', 29: 'Suffolk', 30: 'Surrey', 31: 'Warwickshire',
    32: 'West Sussex', 34: 'Worcestershire',
  }),
];
