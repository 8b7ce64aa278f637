import { DecoratorKind } from '../../constants/metadata-keys.js';
import { configModifier } from './config.js';
import { configTagModifier } from './config-tag.js';
import { checkOutputCustomModifier, checkOutputModifier } from './check-output.js';
import { documentationModifier } from './documentation.js';
import { extractColumnsModifier } from './extract-columns.js';
import { extractFieldsModifier } from './extract-fields.js';
import { parameterizeModifier } from './parameterize.js';
import { subdagModifier } from './subdag.js';
import { collectModifier, parallelizableModifier } from './dynamic.js';
import { resourceModifier, retryModifier, runLocallyModifier } from './execution.js';
import { tagModifier } from './tag.js';
import { tagOutputsModifier } from './tag-outputs.js';
import { dataloaderModifier, datasaverModifier, loadFromModifier, saveToModifier } from './data-io-modifiers.js';
import { generatedNodesModifier } from './generated.js';
import { hamiltonExcludeModifier } from './hamilton-exclude.js';
import { schemaOutputModifier } from './schema-output.js';
import { acceptErrorSentinelsModifier } from './accept-error-sentinels.js';
import { doesModifier } from './does.js';
import { injectModifier } from './inject.js';
import { parameterizeExtractColumnsModifier } from './parameterize-extract-columns.js';
import { pipeInputModifier } from './pipe-input.js';
import { mutateModifier, mutatorModifier, pipeOutputModifier } from './pipe-output.js';
import { withColumnsModifier } from './with-columns.js';
import type { NodeModifier } from './modifier.js';

/** Decorator kind -> what it does to nodes. A new decorator adds its modifier here. */
export const MODIFIERS: ReadonlyMap<string, NodeModifier<unknown>> = new Map<string, NodeModifier<unknown>>([
  [DecoratorKind.node, documentationModifier],
  [DecoratorKind.extractColumns, extractColumnsModifier],
  [DecoratorKind.extractFields, extractFieldsModifier],
  [DecoratorKind.parameterize, parameterizeModifier],
  [DecoratorKind.subdag, subdagModifier],
  [DecoratorKind.parallelizable, parallelizableModifier],
  [DecoratorKind.collect, collectModifier],
  [DecoratorKind.configWhen, configModifier],
  [DecoratorKind.configTag, configTagModifier],
  [DecoratorKind.tag, tagModifier],
  [DecoratorKind.tagOutputs, tagOutputsModifier],
  [DecoratorKind.checkOutput, checkOutputModifier],
  [DecoratorKind.checkOutputCustom, checkOutputCustomModifier],
  [DecoratorKind.retry, retryModifier],
  [DecoratorKind.runLocally, runLocallyModifier],
  [DecoratorKind.resource, resourceModifier],
  [DecoratorKind.hamiltonExclude, hamiltonExcludeModifier],
  [DecoratorKind.schemaOutput, schemaOutputModifier],
  [DecoratorKind.acceptErrorSentinels, acceptErrorSentinelsModifier],
  [DecoratorKind.dataloader, dataloaderModifier],
  [DecoratorKind.datasaver, datasaverModifier],
  [DecoratorKind.loadFrom, loadFromModifier],
  [DecoratorKind.saveTo, saveToModifier],
  [DecoratorKind.generatedNodes, generatedNodesModifier],
  [DecoratorKind.pipeInput, pipeInputModifier],
  [DecoratorKind.pipeOutput, pipeOutputModifier],
  [DecoratorKind.mutate, mutateModifier],
  [DecoratorKind.mutator, mutatorModifier],
  [DecoratorKind.does, doesModifier],
  [DecoratorKind.inject, injectModifier],
  [DecoratorKind.parameterizeExtractColumns, parameterizeExtractColumnsModifier],
  [DecoratorKind.withColumns, withColumnsModifier],
]);

export * from './modifier.js';
