import { measureWidget } from './web-assets.js';

/** `npx tsx src/server/web/measure-widget.ts` — prints the size of /widget.js as served. */
const size = measureWidget();
const limit = 30 * 1024;
console.log(`widget.js: ${size.bytes} bytes, ${size.gzipBytes} bytes gzipped (${((size.gzipBytes / limit) * 100).toFixed(1)}% of the 30 KB budget)`);
if (size.gzipBytes > limit) {
  console.error('widget.js is over its 30 KB gzipped budget');
  process.exitCode = 1;
}
