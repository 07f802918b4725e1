// Is a socket address this machine? IPv4 127.0.0.0/8, IPv6 ::1, and IPv4 loopback mapped
// into IPv6 (`::ffff:127.0.0.1`, what a dual-stack server reports for an IPv4 client).
import { isIPv4 } from 'node:net';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
  const v4 = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  return isIPv4(v4) && v4.startsWith('127.');
}
