// Loaded into vsce (`node --import`) when the .vsix is packed (scripts/vsix.mjs): its zip library
// deflates with zlib's default level, and the best level (9) packs the same files smaller.
import zlib from 'node:zlib';

const deflateRaw = zlib.deflateRaw;
zlib.deflateRaw = (buffer, options, callback) => (typeof options === 'function' ? deflateRaw(buffer, { level: 9 }, options) : deflateRaw(buffer, { level: 9, ...options }, callback));
const DeflateRaw = zlib.DeflateRaw;
zlib.DeflateRaw = function (options) {
  return new DeflateRaw({ level: 9, ...options });
};
