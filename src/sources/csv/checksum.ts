/** SHA-256 of file bytes, for provenance. */
import { createHash } from 'node:crypto';

/**
 * Hex SHA-256 of some bytes.
 *
 * @example sha256Hex(new Uint8Array()) // 'e3b0c442…b855'
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
