// Loaded into vsce (`node --import`) when the .vsix is packed (scripts/vsix.mjs). Its zip library
// (yazl) deflates with zlib at the default level; every entry is deflated here by Zopfli instead
// (@gfx/zopfli, WebAssembly): the same DEFLATE format any unzip reads, about 4% smaller than
// zlib's best level on the bundles (13 KB off the .vsix), at a few seconds per pack.
import zlib from 'node:zlib';
import { Transform } from 'node:stream';
import zopfli from '@gfx/zopfli';

const OPTIONS = { numiterations: 15 };

/** Buffers: `zlib.deflateRaw(buffer, [options,] callback)`. */
zlib.deflateRaw = (buffer, options, callback) => zopfli.deflate(buffer, OPTIONS, typeof options === 'function' ? options : callback);

/** Files: `new zlib.DeflateRaw()` as a stream; Zopfli needs the whole input, so it deflates once the input ends. */
zlib.DeflateRaw = function () {
  const chunks = [];
  return new Transform({
    transform(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
    flush(done) {
      zopfli.deflate(Buffer.concat(chunks), OPTIONS, (err, out) => done(err, err ? undefined : Buffer.from(out)));
    },
  });
};
