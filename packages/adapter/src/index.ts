export {
  CONNECT_DEFAULTS,
  type ConnectOptions,
  connect,
  type Host,
  type Link,
  OPTION_MAXIMUMS,
} from './connect.js';
export type { Format, Payload } from './format.js';
