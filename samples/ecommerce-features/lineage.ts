import type { Variable } from 'hamilton-ts';

/** The lineage queries this sample needs; Driver and AsyncDriver both answer them. */
interface Lineage {
  listAvailableVariables(filter?: { tags?: Record<string, string | null> }): Variable[];
  whatIsUpstreamOf(...names: string[]): Variable[];
}

/** For each feature, the nodes tagged `pii: 'true'` it is computed from (empty: no personal data). */
export function piiSources(driver: Lineage, features: readonly string[]): Record<string, string[]> {
  const pii = driver.listAvailableVariables({ tags: { pii: 'true' } }).map((v) => v.name);
  return Object.fromEntries(
    features.map((feature) => {
      const upstream = new Set(driver.whatIsUpstreamOf(feature).map((v) => v.name));
      return [feature, pii.filter((name) => upstream.has(name))];
    }),
  );
}
