import { parentPort, workerData } from 'node:worker_threads';
import { readFresh } from './article-cache.ts';
import { claimFromBack, type WorkerData, type WorkerMessage } from './parallel-read.ts';

/**
 * A worker thread of the content check (src/node/check/parallel-read.ts):
 * reads articles (originals, or translations) from the back of the list until it meets the
 * check's own thread, and sends back what each file holds.
 */
const { paths, jobs, claims } = workerData as WorkerData;
for (let index = claimFromBack(claims); index >= 0; index = claimFromBack(claims)) {
  const result = await readFresh(paths, jobs[index]!);
  parentPort!.postMessage({ index, result } satisfies WorkerMessage<unknown>);
}
