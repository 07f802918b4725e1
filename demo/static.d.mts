// Types of static.mjs for the TypeScript tests.
import type { IncomingMessage, ServerResponse } from 'node:http';

export declare function safeSegments(pathname: string): string[] | null;
export declare function createStatic(dirs: {
  publicDir: string;
  distDir: string;
  /** The SPA example (demo/spa), served under /spa/ when given. */
  spaDir?: string;
}): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
