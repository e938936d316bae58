/**
 * CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320: what ZIP and PNG use) bit by bit, for tests:
 * independent of zlib's table-driven code that the writers use.
 */
export function crc32Bitwise(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
