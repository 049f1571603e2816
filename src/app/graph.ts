/**
 * What every Graph reader of a services object shares: the person's session cache (memory and
 * `sessionStorage`) and the coalescer that sends reads started in the same tick as one
 * `$batch`. A capability of its own, so a part that reads no Graph carries none of this code.
 */
import { GraphCache } from '../connectors/graph/graphCache';
import { GraphCoalescer } from '../connectors/graph/graphCoalescer';
import type { EngageServices } from './services';

export interface SharedGraph {
  /** Graph answers for this person, this session. */
  readonly cache: GraphCache;
  /** One Graph `$batch` for every read started in the same tick, whichever capability asked. */
  readonly batcher: GraphCoalescer;
}

export function graphOf(services: EngageServices): SharedGraph {
  return services.capability('graph', ({ connections, userKey, device }) => ({
    cache: new GraphCache(userKey, device.sessionBacking),
    batcher: new GraphCoalescer(connections.graph)
  }));
}
