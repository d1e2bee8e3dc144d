/**
 * A location marked "hide exact address" (a refuge, a family time centre, a carer's home) is
 * published as its name, town and postcode district only. The full address stays with editors and
 * API tokens; the public API never carries it, so no widget or partner can leak it.
 */

const HIDDEN_FIELDS = ['addressLine1', 'addressLine2'] as const;

/** "EB4 5EF" becomes "EB4": the district is enough to know whether a service is near. */
export const postcodeDistrict = (postcode: unknown) =>
  typeof postcode === 'string' ? postcode.trim().split(/\s+/)[0].toUpperCase().replace(/\d[A-Z]{2}$/, '') : postcode;

export function redactHiddenAddress<T>(location: T): T {
  const entry = location as Record<string, unknown>;
  if (!entry || entry.hideExactAddress !== true) return location;
  const redacted: Record<string, unknown> = { ...entry, postcode: postcodeDistrict(entry.postcode) };
  for (const field of HIDDEN_FIELDS) if (field in redacted) redacted[field] = null;
  return redacted as T;
}

/** Redacts every location anywhere in a read result (populated relations included). */
export function redactHiddenAddressesDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactHiddenAddressesDeep);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const entry = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactHiddenAddressesDeep(inner)]));
  return redactHiddenAddress(entry);
}
