/** mulberry32, shared with the recall measurement, so a scale corpus is the same on every machine and run. */
export { seededRandom as createSeededRandom } from '../../src/retrieval/vector-recall.js';
