export { CONNECT_DEFAULTS, type ConnectOptions, connect, type Host, type Link } from './connect';
