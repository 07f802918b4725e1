export { CONNECT_DEFAULTS, type ConnectOptions, connect, type Host, type Link } from './connect';
export type { Format, Payload } from './format';
