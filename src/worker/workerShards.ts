// The analysis cache's shards written by the analysis worker itself, for the articles it read (indexFile.ts):
// their analyses then never travel to the extension host, which only adds each written shard to the cache's
// manifest (AnalysisCacheStore.adoptShard). The same shard format and file names as the host writes, written
// atomically (temp file, then rename). Node only.
import { join } from 'node:path';
import { atomicWrite } from '../annotations/atomicWrite';
import { analysisCacheKey, newShardName, SHARD_BUFFER_BYTES, SHARD_BYTES, ShardBuilder } from '../vscode/analysisCache';
import { hashText } from '../vscode/textHash';
import { nodeAtomicFs } from './nodeAtomicFs';

/** Where the host keeps the cache, and the engine version its keys and shards are for. */
export interface ShardTarget {
  dir: string;
  engine: string;
}

export interface WrittenShard {
  name: string;
  keys: string[];
}

export class WorkerShards {
  private building: { target: ShardTarget; shard: ShardBuilder } | undefined;
  private counter = 0;

  /** Adds an analysis (its kept JSON's bytes) under the key the host computes for it; a full shard is written. */
  async add(target: ShardTarget, textSha256: string, documentDate: string | null, kept: Uint8Array): Promise<WrittenShard[]> {
    const written: WrittenShard[] = [];
    // Another cache (a new workspace storage, a rebuilt engine): what was built for the old one is written first.
    if (this.building && (this.building.target.dir !== target.dir || this.building.target.engine !== target.engine)) written.push(...(await this.flush()));
    this.building ??= { target, shard: new ShardBuilder(target.engine, new Uint8Array(SHARD_BUFFER_BYTES)) };
    this.building.shard.add(analysisCacheKey(textSha256, documentDate, target.engine, hashText), kept);
    if (this.building.shard.size >= SHARD_BYTES) written.push(...(await this.flush()));
    return written;
  }

  /** Writes the shard being built, if any. A shard that cannot be written is dropped (its articles are analysed again next time). */
  async flush(): Promise<WrittenShard[]> {
    const building = this.building;
    this.building = undefined;
    if (!building || building.shard.keys.length === 0) return [];
    const name = newShardName(this.counter++);
    try {
      await atomicWrite(nodeAtomicFs, join(building.target.dir, name), building.shard.file());
      return [{ name, keys: building.shard.keys }];
    } catch {
      return [];
    }
  }
}
