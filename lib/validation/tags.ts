import { DQ_RESULTS_TAG, DQ_SOURCE_TAG } from '../constants/metadata-keys.js';

/**
 * The tags of validator nodes (Hamilton's), for lineage queries:
 * `listAvailableVariables({ tags: { [DataQualityTags.containsResults]: 'true' } })` lists every check,
 * `{ [DataQualityTags.sourceNode]: 'height' }` the checks of one node.
 */
export const DataQualityTags = {
  containsResults: DQ_RESULTS_TAG,
  sourceNode: DQ_SOURCE_TAG,
} as const;
