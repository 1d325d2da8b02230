/**
 * The kit's server policy (placeholder until the policy lands): how every lab's node:http server treats
 * hostile clients. Filled in by issue 18's work.
 */
import type { Server } from 'node:http';

export function applyServerPolicy(server: Server): Server {
  return server;
}
