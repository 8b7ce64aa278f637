/** A tag value: one string or a list of strings. */
export type TagValue = string | readonly string[];

/** Tags of a node, queried by lineage (`listAvailableVariables({ tags })`). */
export type Tags = Readonly<Record<string, TagValue>>;
